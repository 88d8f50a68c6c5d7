package dev.fleetdeck.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides which fleet file to use: {@code --fleet FILE} when given, else {@code ./fleet.json}, else
 * {@code $XDG_CONFIG_HOME/fleetdeck/fleet.json} ({@code ~/.config} when XDG_CONFIG_HOME is unset or relative).
 */
public final class FleetLocator {

    private final Map<String, String> env;
    private final Path cwd;

    public FleetLocator(Map<String, String> env, Path cwd) {
        this.env = Map.copyOf(env);
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    public static FleetLocator system() {
        return new FleetLocator(System.getenv(), Path.of(""));
    }

    /**
     * @param fleetOption the {@code --fleet} value, or {@code null} when not given
     * @return an absolute path to an existing file
     */
    public Path locate(Path fleetOption) throws FleetConfigException {
        if (fleetOption != null) {
            Path file = cwd.resolve(fleetOption).normalize();
            if (!Files.exists(file)) throw new FleetConfigException(fleetOption.toString(), 1, 1, "file does not exist");
            if (Files.isDirectory(file)) throw new FleetConfigException(fleetOption.toString(), 1, 1, "is a directory, not a file");
            return file;
        }
        List<Path> candidates = candidates();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new FleetConfigException("no fleet file found; looked for "
                + candidates.stream().map(Path::toString).collect(Collectors.joining(" and "))
                + "; create one (see docs/fleet-json.md) or pass --fleet FILE");
    }

    /** Where a fleet file is looked for when {@code --fleet} is not given, in order. */
    public List<Path> candidates() {
        return List.of(cwd.resolve("fleet.json"), configHome().resolve("fleetdeck").resolve("fleet.json"));
    }

    private Path configHome() {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says to ignore a relative value.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg);
        String home = env.get("HOME");
        Path homeDir = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
        return homeDir.resolve(".config");
    }
}

package dev.fleetdeck.fleet;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the loader takes from the machine it runs on, passed in so tests can fake it.
 *
 * @param variables     environment variables (HOME, PATH, XDG_CONFIG_HOME)
 * @param cwd           the directory relative paths and {@code ./fleet.json} are relative to
 * @param processes     runs {@code ssh -G} and {@code nix eval}
 * @param sshConfigFile the ssh config to use ({@code ssh -F}), or {@code null} for ssh's usual files
 */
public record Environment(Map<String, String> variables, Path cwd, ProcessRunner processes, Path sshConfigFile) {

    public Environment {
        variables = Map.copyOf(variables);
        cwd = cwd.toAbsolutePath().normalize();
    }

    public static Environment system() {
        return new Environment(System.getenv(), Path.of(""), new SystemProcessRunner(), null);
    }

    public Environment withSshConfigFile(Path file) {
        return new Environment(variables, cwd, processes, file);
    }

    /** How messages name a file: relative to {@link #cwd} when it lies below it, as the user would type it. */
    public String shown(Path file) {
        Path absolute = cwd.resolve(file).normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : file.toString();
    }

    /** {@code $HOME}, else the JVM's idea of it. */
    public Path home() {
        String home = variables.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** The program as the shell would find it on {@code $PATH}. */
    public Optional<Path> findExecutable(String name) {
        String path = variables.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}

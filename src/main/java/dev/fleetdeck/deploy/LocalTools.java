package dev.fleetdeck.deploy;

import dev.fleetdeck.text.ShellQuote;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.Execution;
import dev.fleetdeck.transport.LocalTransport;
import dev.fleetdeck.transport.OutputListener;
import dev.fleetdeck.transport.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the engines' binaries (nixos-rebuild, nix, deploy, colmena) are found on this machine. Injectable so
 * the test bed (and a pinned toolchain) can put its own first on PATH; local commands run through
 * {@link #transport()}, which prepends {@code pathPrefix} and exports {@code env}.
 *
 * @param pathPrefix directories searched before the inherited PATH
 * @param env        extra variables for every local command
 * @param stateDir   fleetdeck's state directory ($XDG_STATE_HOME/fleetdeck): locks live under it
 */
public record LocalTools(List<Path> pathPrefix, Map<String, String> env, Path stateDir) {

    public LocalTools {
        pathPrefix = List.copyOf(pathPrefix);
        env = Map.copyOf(env);
    }

    /** The inherited PATH, and $XDG_STATE_HOME/fleetdeck (or ~/.local/state/fleetdeck). */
    public static LocalTools system(Map<String, String> environment) {
        String xdg = environment.get("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return new LocalTools(List.of(), Map.of(), state.resolve("fleetdeck"));
    }

    /** The shell prefix that sets up the environment, e.g. {@code PATH=/x:$PATH; export PATH; }. */
    String prelude() {
        StringBuilder b = new StringBuilder();
        if (!pathPrefix.isEmpty()) {
            String dirs = String.join(":", pathPrefix.stream().map(Path::toString).toList());
            b.append("PATH=").append(ShellQuote.quote(dirs)).append(":\"$PATH\"; export PATH; ");
        }
        env.forEach((k, v) -> b.append(k).append('=').append(ShellQuote.quote(v)).append("; export ").append(k)
                .append("; "));
        return b.toString();
    }

    /** A local transport whose commands see these tools. */
    public Transport transport() {
        LocalTransport local = new LocalTransport();
        String prelude = prelude();
        return new Transport() {
            @Override
            public Duration probe() {
                return Duration.ZERO;
            }

            @Override
            public Execution exec(Command c, OutputListener listener) {
                return local.exec(new Command(prelude + c.script(), c.timeout(), c.pty()), listener);
            }

            @Override
            public void close() {
                local.close();
            }
        };
    }
}

package dev.fleetdeck.transport;

import dev.fleetdeck.text.ShellQuote;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command to run on a host.
 *
 * @param script  a POSIX shell command line, run by {@code /bin/sh -c} on the target
 * @param timeout the command is cancelled and reported as timed out after this long; {@code null} = no limit
 * @param pty     request a pseudo-terminal (stdout and stderr then arrive merged on stdout)
 */
public record Command(String script, Duration timeout, boolean pty) {

    public Command {
        Objects.requireNonNull(script, "script");
    }

    /** A shell command line, as written. */
    public static Command shell(String script) {
        return new Command(script, null, false);
    }

    /** An argument vector; every word is quoted, so no word can inject shell syntax. */
    public static Command argv(List<String> words) {
        return shell(ShellQuote.join(words));
    }

    public static Command argv(String... words) {
        return argv(List.of(words));
    }

    public Command withTimeout(Duration timeout) {
        return new Command(script, timeout, pty);
    }

    public Command withPty(boolean pty) {
        return new Command(script, timeout, pty);
    }
}

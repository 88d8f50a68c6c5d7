package dev.fleetdeck.transport;

import dev.fleetdeck.text.ShellQuote;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps a command so it can be killed later. sshd starts every session command as a new session (setsid),
 * so the shell's PID is also the process group of everything the command starts; the wrapper reports it on
 * stderr before running the command, and {@link #killScript(long)} kills that whole group. Closing an SSH
 * channel would leave the remote process running, and the SSH "signal" request is ignored for root.
 */
public final class RemoteScript {

    private static final String MARKER = "@@fleetdeck-pid:";
    private static final Pattern MARKER_LINE = Pattern.compile(Pattern.quote(MARKER) + "(\\d+)@@");

    private RemoteScript() {
    }

    /**
     * The command line to send. {@code exec} replaces the login shell whatever it is (bash, zsh, fish), so
     * {@code $$} is the session leader's PID and the script always runs under POSIX {@code /bin/sh}.
     */
    public static String wrap(String script) {
        String inner = "echo \"" + MARKER + "$$@@\" >&2\n" + script;
        return "exec /bin/sh -c " + ShellQuote.quote(inner);
    }

    /**
     * Kills the group politely, then by force after 2 s; exits 0 either way. Run by {@code /bin/sh} whatever the
     * login shell is, and written as {@code kill -TERM -PGID}: dash's kill rejects {@code --}.
     */
    public static String killScript(long pid) {
        String g = "-" + pid;
        String body = "kill -TERM " + g + " 2>/dev/null || exit 0; i=0; while [ $i -lt 20 ]; do "
                + "kill -0 " + g + " 2>/dev/null || exit 0; sleep 0.1; i=$((i+1)); done; "
                + "kill -KILL " + g + " 2>/dev/null; exit 0";
        return "exec /bin/sh -c " + ShellQuote.quote(body);
    }

    /** Watches output for the PID marker (the first one only) and swallows it. */
    public static final class PidWatch implements Predicate<String> {
        private volatile long pid = -1;
        private final Runnable onPid;

        public PidWatch(Runnable onPid) {
            this.onPid = onPid;
        }

        @Override
        public boolean test(String line) {
            if (pid >= 0) return false;
            Matcher m = MARKER_LINE.matcher(line);
            if (!m.matches()) return false;
            pid = Long.parseLong(m.group(1));
            onPid.run();
            return true;
        }

        public OptionalLong pid() {
            return pid >= 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        }
    }
}

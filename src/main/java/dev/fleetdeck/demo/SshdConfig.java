package dev.fleetdeck.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sshd_config of one test host.
 *
 * @param extraLines lines from {@code TestHostOptions}; written first because sshd keeps the first value it
 *                   reads for a keyword, so they override the defaults below
 */
public record SshdConfig(String address, int port, Path hostKey, Path pidFile, List<Path> authorizedKeys, Path root,
                  Path binDir, List<String> extraLines) {

    public String render() {
        List<String> lines = new ArrayList<>(extraLines);
        lines.add("Port " + port);
        lines.add("ListenAddress " + address);
        lines.add("HostKey " + quote(hostKey));
        lines.add("PidFile " + quote(pidFile));
        lines.add("AuthorizedKeysFile " + String.join(" ", authorizedKeys.stream().map(SshdConfig::quote).toList()));
        lines.add("PubkeyAuthentication yes");
        lines.add("PasswordAuthentication no");
        lines.add("KbdInteractiveAuthentication no");
        lines.add("UsePAM no");
        // The host dir lives in a world-readable temp dir that StrictModes would reject.
        lines.add("StrictModes no");
        lines.add("PermitRootLogin prohibit-password");
        lines.add("MaxSessions 10");
        // Default 10:30:100 randomly drops concurrent unauthenticated connections: flaky for parallel tests.
        lines.add("MaxStartups 100");
        lines.add("LogLevel VERBOSE");
        lines.add("PrintMotd no");
        lines.add("PrintLastLog no");
        lines.add("Subsystem sftp internal-sftp");
        if (Sshd.atLeast(9, 8)) {
            // 9.8+ blocks source addresses after failed logins; tests fail logins on purpose, all from loopback.
            lines.add("PerSourcePenalties no");
        }
        // sshd applies SetEnv after its own PATH, so these reach the user's shell. SHLVL=1 makes bash believe it
        // is nested, so it skips the ~/.bashrc it would otherwise source for sshd commands: that file commonly
        // prepends to PATH (binDir would lose) or prints text (command output would be polluted).
        // FLEETDECK_ROOT relocates the absolute host paths of the built-in tasks ("${FLEETDECK_ROOT:-}/run/...")
        // into this host's root; on a real NixOS host it is unset and the paths are the real ones.
        lines.add("SetEnv " + quote("FLEETDECK_TEST_ROOT=" + root) + " " + quote("FLEETDECK_ROOT=" + root)
                + " " + quote("PATH=" + binDir + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"))
                + " " + quote("SHLVL=1"));
        return String.join("\n", lines) + "\n";
    }

    private static String quote(Path path) {
        return quote(path.toString());
    }

    /** sshd_config splits arguments like a shell does on double quotes; % is expanded in some keywords. */
    private static String quote(String value) {
        if (value.contains("\"") || value.contains("\\") || value.contains("%")) {
            throw new IllegalArgumentException("cannot put into sshd_config: " + value);
        }
        return "\"" + value + "\"";
    }
}

package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds argv for the real OpenSSH client against a {@link TestHost}, so tests can cross-check fleetdeck with
 * OpenSSH itself. Hermetic: no ssh_config files, no agent, only the given key, strict host key checking.
 * Options added with {@link #option} win over the defaults (ssh keeps the first value it sees).
 */
public final class SshCommand {
    private final TestHost host;
    private final List<String> options = new ArrayList<>();
    private Path identity;
    private Path knownHosts;

    private SshCommand(TestHost host) {
        this.host = host;
    }

    public static SshCommand to(TestHost host) {
        return new SshCommand(host);
    }

    /** Private key to log in with; default {@link TestHost#userKey()}. */
    public SshCommand identity(Path privateKey) {
        this.identity = privateKey;
        return this;
    }

    /** known_hosts file to trust; default {@link TestHost#knownHostsFile()}. */
    public SshCommand knownHosts(Path file) {
        this.knownHosts = file;
        return this;
    }

    /** An {@code -o} option such as {@code "ConnectTimeout=2"} or {@code "BatchMode=no"}. */
    public SshCommand option(String keyEqualsValue) {
        options.add(keyEqualsValue);
        return this;
    }

    /** The complete argv; the remote command words are joined by ssh with spaces and run by the remote shell. */
    public List<String> command(String... remoteCommand) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-F", "/dev/null"));
        for (String option : options) argv.addAll(List.of("-o", option));
        for (String option : List.of(
                "BatchMode=yes",
                "StrictHostKeyChecking=yes",
                "UserKnownHostsFile=" + (knownHosts != null ? knownHosts : host.knownHostsFile()),
                "GlobalKnownHostsFile=/dev/null",
                "IdentitiesOnly=yes",
                "IdentityAgent=none",
                "LogLevel=ERROR")) {
            argv.addAll(List.of("-o", option));
        }
        argv.addAll(List.of("-i", (identity != null ? identity : host.userKey()).toString(),
                "-p", Integer.toString(host.port()), "-l", host.user(), host.address()));
        argv.addAll(List.of(remoteCommand));
        return argv;
    }
}

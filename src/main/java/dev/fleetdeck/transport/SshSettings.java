package dev.fleetdeck.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How fleetdeck speaks SSH, for every host.
 *
 * @param home              the operator's home, for {@code ~} in key paths
 * @param knownHosts        OpenSSH known_hosts file, shared with {@code ssh}
 * @param agentSocket       ssh-agent socket ({@code SSH_AUTH_SOCK}), or {@code null}
 * @param defaultIdentities key files tried when a host names none (only those that exist)
 * @param confirmer         asked about unknown host keys
 * @param passphrases       asked for passphrases of encrypted keys
 * @param connectTimeout    TCP connect + handshake limit
 * @param keepAliveInterval seconds between keepalives; a dead peer is noticed after interval × maxCount
 * @param keepAliveMaxCount unanswered keepalives before the connection is declared lost
 */
public record SshSettings(Path home, Path knownHosts, Path agentSocket, List<Path> defaultIdentities,
                          HostKeyConfirmer confirmer, PassphraseProvider passphrases, Duration connectTimeout,
                          int keepAliveInterval, int keepAliveMaxCount) {

    public SshSettings {
        defaultIdentities = List.copyOf(defaultIdentities);
    }

    /** OpenSSH's defaults for the operator: ~/.ssh/known_hosts, SSH_AUTH_SOCK, ~/.ssh/id_{ed25519,ecdsa,rsa}. */
    public static SshSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path ssh = home.resolve(".ssh");
        String sock = env.get("SSH_AUTH_SOCK");
        Path agent = sock == null || sock.isBlank() ? null : Path.of(sock);
        List<Path> ids = List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa"));
        return new SshSettings(home, ssh.resolve("known_hosts"), agent, ids, HostKeyConfirmer.REFUSE,
                PassphraseProvider.NONE, Duration.ofSeconds(10), 2, 4);
    }

    public SshSettings withConfirmer(HostKeyConfirmer c) {
        return new SshSettings(home, knownHosts, agentSocket, defaultIdentities, c, passphrases, connectTimeout,
                keepAliveInterval, keepAliveMaxCount);
    }

    public SshSettings withPassphrases(PassphraseProvider p) {
        return new SshSettings(home, knownHosts, agentSocket, defaultIdentities, confirmer, p, connectTimeout,
                keepAliveInterval, keepAliveMaxCount);
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(home, file, agentSocket, defaultIdentities, confirmer, passphrases, connectTimeout,
                keepAliveInterval, keepAliveMaxCount);
    }

    public SshSettings withAgentSocket(Path socket) {
        return new SshSettings(home, knownHosts, socket, defaultIdentities, confirmer, passphrases, connectTimeout,
                keepAliveInterval, keepAliveMaxCount);
    }

    public SshSettings withDefaultIdentities(List<Path> ids) {
        return new SshSettings(home, knownHosts, agentSocket, ids, confirmer, passphrases, connectTimeout,
                keepAliveInterval, keepAliveMaxCount);
    }

    public SshSettings withKeepAlive(int interval, int maxCount) {
        return new SshSettings(home, knownHosts, agentSocket, defaultIdentities, confirmer, passphrases,
                connectTimeout, interval, maxCount);
    }

    /** Expands a leading {@code ~/}. */
    public Path expand(String path) {
        if (path.equals("~")) return home;
        if (path.startsWith("~/")) return home.resolve(path.substring(2));
        return Path.of(path);
    }

    /** The key files to offer for a host: its own list, else the defaults that exist. */
    public List<Path> identitiesFor(List<String> hostIdentities) {
        if (!hostIdentities.isEmpty()) return hostIdentities.stream().map(this::expand).toList();
        return defaultIdentities.stream().filter(Files::isRegularFile).toList();
    }
}

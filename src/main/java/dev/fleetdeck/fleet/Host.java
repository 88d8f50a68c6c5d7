package dev.fleetdeck.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One machine of the fleet, with every default already applied.
 *
 * @param name          the name the operator uses (unique in a fleet)
 * @param address       what to connect to: an IP, a DNS name, or an ~/.ssh/config alias
 * @param port          SSH port, 1..65535
 * @param user          remote login user
 * @param tags          selection tags, without the leading {@code @}
 * @param transport     how commands reach the host
 * @param engine        how a deploy activates a new generation
 * @param identityFiles private key files to try (after the agent), in order
 * @param proxyJump     an OpenSSH ProxyJump/ProxyCommand is configured; only the OpenSSH transport can honour it
 * @param health        the host's own health checks, run after a deploy and by {@code validate}
 * @param backup        Borg backup settings, or {@code null} when the host has none
 * @param confirmTimeout how long a deploy's rollback guard waits to be disarmed
 */
public record Host(
        String name,
        String address,
        int port,
        String user,
        List<String> tags,
        TransportKind transport,
        DeployEngine engine,
        List<String> identityFiles,
        String proxyJump,
        List<HealthCheck> health,
        Backup backup,
        Duration confirmTimeout) {

    public Host {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        tags = List.copyOf(tags);
        identityFiles = List.copyOf(identityFiles);
        health = List.copyOf(health);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
    }

    /** A host with plain defaults: root on port 22 over sshj; handy for tests and the demo. */
    public static Host of(String name, String address, int port, String user) {
        return new Host(name, address, port, user, List.of(), TransportKind.SSHJ, DeployEngine.NIXOS_REBUILD,
                List.of(), null, List.of(), null, Duration.ofSeconds(90));
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** The name OpenSSH writes in known_hosts for this endpoint: {@code host} or {@code [host]:port}. */
    public String knownHostsName() {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    public Host withTransport(TransportKind kind) {
        return new Host(name, address, port, user, tags, kind, engine, identityFiles, proxyJump, health, backup,
                confirmTimeout);
    }

    public Host withEndpoint(String address, int port, String user, List<String> identityFiles, String proxyJump) {
        return new Host(name, address, port, user, tags, transport, engine, identityFiles, proxyJump, health, backup,
                confirmTimeout);
    }

    public Host withIdentityFiles(List<String> files) {
        return withEndpoint(address, port, user, files, proxyJump);
    }
}

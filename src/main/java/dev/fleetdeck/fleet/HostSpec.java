package dev.fleetdeck.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one source says about a host, with {@code null} for "this source does not say". Sources are layered
 * with {@link #overlay}: fleetdeck's built-ins, fleet.json {@code defaults}, ~/.ssh/config, a deploy-rs node,
 * the fleet.json host entry; {@link #toHost()} then yields the complete {@link Host}.
 */
public record HostSpec(
        String name,
        String address,
        Integer port,
        String user,
        List<String> tags,
        TransportKind transport,
        DeployEngine engine,
        List<String> identityFiles,
        String proxyJump,
        List<HealthCheck> health,
        Backup backup,
        Duration confirmTimeout) {

    /** The value fleetdeck uses when no source sets a confirm timeout. */
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(90);

    public HostSpec {
        tags = tags == null ? null : List.copyOf(tags);
        identityFiles = identityFiles == null ? null : List.copyOf(identityFiles);
        health = health == null ? null : List.copyOf(health);
    }

    /** A spec that says nothing but the name. */
    public static HostSpec named(String name) {
        return new HostSpec(name, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** fleetdeck's own defaults, the bottom layer: root on port 22 over sshj, reached by its name. */
    public static HostSpec builtIn(String name, List<String> identityFiles) {
        return new HostSpec(name, name, 22, "root", List.of(), TransportKind.SSHJ, DeployEngine.NIXOS_REBUILD,
                identityFiles, null, List.of(), null, DEFAULT_CONFIRM_TIMEOUT);
    }

    /** This spec with every field {@code over} sets taken from {@code over}; tags are ours followed by its. */
    public HostSpec overlay(HostSpec over) {
        return new HostSpec(
                pick(over.name, name),
                pick(over.address, address),
                pick(over.port, port),
                pick(over.user, user),
                union(tags, over.tags),
                pick(over.transport, transport),
                pick(over.engine, engine),
                pick(over.identityFiles, identityFiles),
                pick(over.proxyJump, proxyJump),
                pick(over.health, health),
                pick(over.backup, backup),
                pick(over.confirmTimeout, confirmTimeout));
    }

    public HostSpec withAddress(String newAddress) {
        return new HostSpec(name, newAddress, port, user, tags, transport, engine, identityFiles, proxyJump, health,
                backup, confirmTimeout);
    }

    public HostSpec withTransport(TransportKind kind) {
        return new HostSpec(name, address, port, user, tags, kind, engine, identityFiles, proxyJump, health, backup,
                confirmTimeout);
    }

    /**
     * The finished host; an unset address means the name (so an ~/.ssh/config alias works).
     *
     * @throws IllegalStateException when a layer below should have filled a field and did not
     */
    public Host toHost() {
        if (name == null || port == null || user == null || transport == null || engine == null
                || confirmTimeout == null) {
            throw new IllegalStateException("host spec is incomplete, overlay it on HostSpec.builtIn: " + this);
        }
        return new Host(name, address != null ? address : name, port, user, nonNull(tags), transport, engine,
                nonNull(identityFiles), proxyJump, nonNull(health), backup, confirmTimeout);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static List<String> union(List<String> first, List<String> second) {
        if (first == null) return second;
        if (second == null) return first;
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return new ArrayList<>(all);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package dev.fleetdeck.fleet;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a fleet: fleet.json, plus deploy-rs nodes it imports, plus ~/.ssh/config via {@code ssh -G}. For each
 * field the most specific source wins: the fleet.json host entry, then the deploy-rs node, then ~/.ssh/config,
 * then fleet.json {@code defaults}, then fleetdeck's built-ins (root, port 22, sshj, nixos-rebuild, 90s).
 */
public final class FleetLoader {

    private final Environment env;

    public FleetLoader(Environment env) {
        this.env = env;
    }

    public static FleetLoader system() {
        return new FleetLoader(Environment.system());
    }

    public Fleet load(Path file) throws FleetConfigException {
        return read(file).fleet();
    }

    /** Finds the fleet file as {@link FleetLocator} does, then reads it. */
    public LoadedFleet locateAndRead(Path fleetOption) throws FleetConfigException {
        return read(new FleetLocator(env.variables(), env.cwd()).locate(fleetOption));
    }

    /** Like {@link #load}, with notes on how the fleet was put together. */
    public LoadedFleet read(Path file) throws FleetConfigException {
        try {
            return readChecked(file);
        } catch (ConfigException e) {
            throw FleetConfigException.of(e);
        }
    }

    private LoadedFleet readChecked(Path file) throws ConfigException {
        Path absolute = env.cwd().resolve(file).normalize();
        JsonDocument doc = JsonDocument.read(absolute, env.shown(file), FleetJsonMapper.MAPPER, FleetJsonMapper.FLEET);
        FleetJson json = doc.bind(FleetJson.class);
        new FleetJsonChecks(doc).check(json);
        PathExpander paths = new PathExpander(env.home(), absolute.getParent());
        FleetJsonSpecs specs = new FleetJsonSpecs(paths);
        List<HostSpec> explicit = explicitSpecs(json, doc, specs, paths);
        if (explicit.isEmpty()) throw noHosts(json, doc);

        HostSpec defaults = specs.defaults(json.defaults());
        List<HostSpec> remote = explicit.stream()
                .filter(s -> base(s.name(), List.of()).overlay(defaults).overlay(s).transport() != TransportKind.LOCAL)
                .toList();
        SshResolution ssh = new SshConfigResolver(env).resolveAll(remote);
        List<String> notes = new ArrayList<>(ssh.notes());
        List<Host> hosts = new ArrayList<>();
        for (HostSpec spec : explicit) hosts.add(finish(spec, defaults, ssh, notes));
        return new LoadedFleet(new Fleet(absolute, hosts), notes);
    }

    /** fleet.json hosts in their order, each laid over the deploy-rs node of the same name; then other nodes. */
    private List<HostSpec> explicitSpecs(FleetJson json, JsonDocument doc, FleetJsonSpecs specs, PathExpander paths)
            throws ConfigException {
        Map<String, HostSpec> byName = new LinkedHashMap<>();
        if (json.hosts() != null) json.hosts().forEach((name, entry) -> byName.put(name, specs.host(name, entry)));
        if (json.deployRs() != null) {
            JsonDocument nodes = new DeployRsSource(env).open(json.deployRs(), doc, paths);
            for (HostSpec node : DeployRsNodes.parse(nodes, paths)) {
                HostSpec own = byName.get(node.name());
                byName.put(node.name(), own == null ? node : node.overlay(own));
            }
        }
        return new ArrayList<>(byName.values());
    }

    private Host finish(HostSpec explicit, HostSpec defaults, SshResolution ssh, List<String> notes) {
        HostSpec fromSsh = ssh.layer(explicit.name());
        HostSpec spec = base(explicit.name(), ssh.defaultIdentityFiles())
                .overlay(defaults)
                .overlay(fromSsh.withAddress(null))
                .overlay(explicit);
        if (spec.proxyJump() != null && spec.transport() == TransportKind.SSHJ) {
            spec = spec.withTransport(TransportKind.OPENSSH);
            notes.add(spec.name() + ": using transport openssh instead of sshj, which cannot go through the proxy \""
                    + spec.proxyJump() + "\"");
        }
        // sshj needs the real HostName; the system ssh must see the alias to apply the alias's own settings.
        if (fromSsh.address() != null && spec.transport() == TransportKind.SSHJ) spec = spec.withAddress(fromSsh.address());
        return spec.toHost();
    }

    private static HostSpec base(String name, List<String> identityFiles) {
        return HostSpec.builtIn(name, identityFiles);
    }

    private static ConfigException noHosts(FleetJson json, JsonDocument doc) {
        if (json.hosts() == null) return doc.problem(JsonPath.of("deployRs"), "yields no nodes; there is no host to manage");
        return doc.problem(JsonPath.of("hosts"), json.deployRs() == null ? "is empty; there is no host to manage"
                : "is empty and deployRs yields no nodes; there is no host to manage");
    }
}

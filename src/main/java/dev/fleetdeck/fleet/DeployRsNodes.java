package dev.fleetdeck.fleet;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;

import com.fasterxml.jackson.databind.JavaType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * deploy-rs {@code deploy.nodes} JSON as host specs: address from {@code hostname}; login user from
 * {@code sshOpts} ({@code -l}/{@code -o User=}, as ssh takes the first), else {@code sshUser}, else {@code user};
 * port, keys and proxy from {@code sshOpts}; engine deploy-rs; confirm timeout from {@code confirmTimeout} seconds.
 */
public final class DeployRsNodes {

    private static final JavaType NODES = FleetJsonMapper.MAPPER.getTypeFactory()
            .constructMapType(LinkedHashMap.class, String.class, DeployRsNodeJson.class);

    private DeployRsNodes() {
    }

    /** Reads a nodes file on its own, e.g. for an import preview; relative key paths are relative to it. */
    public static List<HostSpec> read(Path nodesFile, Environment env) throws FleetConfigException {
        Path dir = nodesFile.toAbsolutePath().getParent();
        try {
            JsonDocument doc = JsonDocument.read(nodesFile, nodesFile.toString(), FleetJsonMapper.MAPPER,
                    FleetJsonMapper.DEPLOY_RS_NODES);
            return parse(doc, new PathExpander(env.home(), dir));
        } catch (ConfigException e) {
            throw FleetConfigException.of(e);
        }
    }

    static List<HostSpec> parse(JsonDocument doc, PathExpander paths) throws ConfigException {
        Map<String, DeployRsNodeJson> nodes = doc.bind(NODES);
        List<HostSpec> specs = new ArrayList<>();
        for (Map.Entry<String, DeployRsNodeJson> e : nodes.entrySet()) {
            specs.add(node(doc, e.getKey(), e.getValue(), paths));
        }
        return specs;
    }

    private static HostSpec node(JsonDocument doc, String name, DeployRsNodeJson n, PathExpander paths)
            throws ConfigException {
        JsonPath at = JsonPath.of(name);
        FleetJsonChecks.hostName(doc, name, at);
        if (n == null) throw doc.problem(at, "is null; expected an object with \"hostname\"");
        if (n.hostname() == null || !Names.validWord(n.hostname())) {
            throw n.hostname() == null ? doc.problem(at, "has no \"hostname\"")
                    : doc.problem(at.field("hostname"), "\"" + n.hostname() + "\" is not a host name or address");
        }
        if (n.confirmTimeout() != null && n.confirmTimeout() < 1) {
            throw doc.problem(at.field("confirmTimeout"), n.confirmTimeout() + " must be at least 1 (seconds)");
        }
        SshOptions opts = sshOptions(doc, n, at);
        String user = first(opts.user(), n.sshUser(), n.user());
        List<String> keys = opts.identityFiles().isEmpty() ? null
                : opts.identityFiles().stream().map(paths::expand).toList();
        Duration confirm = n.confirmTimeout() == null ? null : Duration.ofSeconds(n.confirmTimeout());
        return new HostSpec(name, n.hostname(), opts.port(), user, null, null, DeployEngine.DEPLOY_RS, keys,
                first(opts.proxyJump(), opts.proxyCommand(), null), null, null, confirm);
    }

    private static SshOptions sshOptions(JsonDocument doc, DeployRsNodeJson n, JsonPath at) throws ConfigException {
        if (n.sshOpts() == null) return new SshOptions(null, null, List.of(), null, null);
        try {
            return SshOptions.parse(n.sshOpts());
        } catch (SshOptions.BadOption e) {
            throw doc.problem(at.field("sshOpts").index(e.index), e.getMessage());
        }
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}

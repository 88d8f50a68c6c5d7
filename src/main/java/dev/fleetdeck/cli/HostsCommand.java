package dev.fleetdeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.transport.HostProbe;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fleetdeck hosts}: the fleet with reachability and latency, every host probed at once. */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = "List hosts; connect to each (in parallel) and show reachability and SSH latency.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every listed host is reachable", "1:some host is unreachable",
                "2:bad usage or configuration"})
final class HostsCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Option(names = "--no-probe", description = "Only list the inventory; do not connect.")
    boolean noProbe;

    @Parameters(arity = "0..1", paramLabel = "SELECTION", defaultValue = "all",
            description = "name, glob, @tag, all, or a comma-separated list (default: all)")
    String selection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Host> hosts = fleet.select(selection);
        List<HostProbe.Result> results = noProbe
                ? hosts.stream().map(h -> new HostProbe.Result(h, null, null)).toList()
                : HostProbe.probeAll(hosts, fleet.ssh());
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(results));
        else out.print(table(results));
        out.flush();
        return results.stream().allMatch(HostProbe.Result::reachable) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String table(List<HostProbe.Result> results) {
        TextTable t = new TextTable("HOST", "ADDRESS", "USER", "TRANSPORT", "TAGS", "STATUS");
        for (HostProbe.Result r : results) {
            Host h = r.host();
            t.row(h.name(), h.address() + ":" + h.port(), h.user(), h.transport().id(),
                    h.tags().isEmpty() ? "-" : "@" + String.join(",@", h.tags()), status(r));
        }
        return t.render();
    }

    private String status(HostProbe.Result r) {
        if (noProbe) return "-";
        if (r.reachable()) return "ok " + r.latency().toMillis() + " ms";
        String msg = r.failure().getMessage();
        String prefix = r.host().name() + ": ";
        return r.failure().kind().name().toLowerCase().replace('_', '-') + ": "
                + (msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
    }

    private static String json(List<HostProbe.Result> results) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (HostProbe.Result r : results) {
            Host h = r.host();
            ObjectNode o = arr.addObject();
            o.put("name", h.name());
            o.put("address", h.address());
            o.put("port", h.port());
            o.put("user", h.user());
            o.put("transport", h.transport().id());
            o.put("engine", h.engine().id());
            ArrayNode tags = o.putArray("tags");
            h.tags().forEach(tags::add);
            if (r.latency() != null) {
                o.put("reachable", true);
                o.put("latencyMs", r.latency().toMillis());
            } else if (r.failure() != null) {
                o.put("reachable", false);
                o.put("error", r.failure().kind().name().toLowerCase().replace('_', '-'));
                o.put("message", r.failure().getMessage());
            }
        }
        return arr.toPrettyString();
    }
}

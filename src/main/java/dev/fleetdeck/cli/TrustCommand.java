package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.transport.HostProbe;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleetdeck trust SEL}: connect once on a terminal so unknown host keys can be confirmed by a human. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Connect to the selected hosts one by one; for each unknown host key show its SHA256 "
                + "fingerprint and ask whether to trust it. Needs a terminal: nothing is trusted unattended.",
                "A host whose key changed is refused, never re-trusted: remove the old key with ssh-keygen -R."})
final class TrustCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "SELECTION", description = "name, glob, @tag, all, or a comma list")
    String selection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (System.console() == null) {
            throw new CliFailure(ExitCodes.USAGE, "trust needs a terminal to ask on; run it interactively");
        }
        List<Host> hosts = fleet.select(selection);
        PrintWriter out = spec.commandLine().getOut();
        boolean all = true;
        for (Host h : hosts) {
            HostProbe.Result r = HostProbe.probe(h, fleet.ssh());
            out.println(r.reachable() ? h.name() + ": ok" : r.failure().getMessage());
            all &= r.reachable();
        }
        out.flush();
        return all ? ExitCodes.OK : ExitCodes.FAILED;
    }
}

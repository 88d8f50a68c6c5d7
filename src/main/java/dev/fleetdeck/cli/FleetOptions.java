package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Fleet;
import dev.fleetdeck.fleet.FleetConfigException;
import dev.fleetdeck.fleet.FleetLoader;
import dev.fleetdeck.fleet.LoadedFleet;
import dev.fleetdeck.fleet.Selection;
import dev.fleetdeck.fleet.SelectionException;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.transport.SshSettings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every fleet command shares: where the fleet is, and how to speak SSH to it. */
final class FleetOptions {

    @Option(names = "--fleet", paramLabel = "FILE",
            description = "fleet.json to use (default: ./fleet.json, then $XDG_CONFIG_HOME/fleetdeck/fleet.json)")
    Path fleetFile;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default: ~/.ssh/known_hosts)")
    Path knownHosts;

    private Fleet fleet;
    private SshSettings ssh;

    /** The fleet, loaded once; notes on how it was put together go to stderr. */
    Fleet fleet() {
        if (fleet == null) {
            try {
                LoadedFleet loaded = FleetLoader.system().locateAndRead(fleetFile);
                loaded.notes().forEach(n -> System.err.println("fleetdeck: note: " + n));
                fleet = loaded.fleet();
            } catch (FleetConfigException e) {
                throw new CliFailure(ExitCodes.USAGE, e.getMessage());
            }
        }
        return fleet;
    }

    List<Host> select(String selection) {
        try {
            return Selection.select(fleet(), selection);
        } catch (SelectionException e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
    }

    SshSettings ssh() {
        if (ssh == null) {
            ConsolePrompts prompts = ConsolePrompts.system();
            SshSettings s = SshSettings.fromEnvironment(System.getenv()).withConfirmer(prompts).withPassphrases(prompts);
            if (knownHosts != null) s = s.withKnownHosts(knownHosts);
            ssh = s;
        }
        return ssh;
    }
}

package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Fleet;
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

    Fleet fleet() {
        throw new UnsupportedOperationException("wired after the inventory lands");
    }

    List<Host> select(String selection) {
        throw new UnsupportedOperationException("wired after the inventory lands");
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

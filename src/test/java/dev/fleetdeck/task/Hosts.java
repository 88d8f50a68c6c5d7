package dev.fleetdeck.task;

import dev.fleetdeck.fleet.Backup;
import dev.fleetdeck.fleet.DeployEngine;
import dev.fleetdeck.fleet.HealthCheck;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.fleet.TransportKind;

import java.time.Duration;
import java.util.List;

/** Hosts for task tests. */
final class Hosts {

    static final Host PLAIN = Host.of("orion", "10.0.0.6", 22, "root");

    /** Tagged gpu, deploy-rs over openssh, one health check, and a Borg backup. */
    static final Host CORTEX = new Host("cortex", "10.0.0.5", 2222, "admin", List.of("servers", "gpu"),
            TransportKind.OPENSSH, DeployEngine.DEPLOY_RS, List.of(), null,
            List.of(new HealthCheck.Cmd(null, "true", Duration.ofSeconds(5), Duration.ofSeconds(10))),
            new Backup("ssh://borg@nas/./cortex", "cat /run/secrets/borg", "nas", Duration.ofHours(26), 7, 4, 6),
            Duration.ofSeconds(90));

    private Hosts() {
    }
}

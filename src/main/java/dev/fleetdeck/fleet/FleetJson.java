package dev.fleetdeck.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * fleet.json exactly as written (see docs/fleet-json.md). Absent fields are {@code null}: the layering in
 * {@link HostSpec} needs to know what the user actually said. {@link FleetJsonChecks} validates,
 * {@link FleetJsonSpecs} turns entries into specs.
 */
record FleetJson(Defaults defaults, Map<String, HostEntry> hosts, DeployRs deployRs) {

    /** Settings every host gets unless it says otherwise. */
    record Defaults(String user, Port port, TransportKind transport, DeployEngine engine,
                    List<String> identityFiles, Duration confirmTimeout, List<String> tags) {
    }

    /** One host, keyed by its name; {@code address} defaults to that name. */
    record HostEntry(String address, Port port, String user, List<String> tags, TransportKind transport,
                     DeployEngine engine, List<String> identityFiles, String proxyJump, Duration confirmTimeout,
                     List<HealthEntry> health, BackupEntry backup) {
    }

    /** Exactly one of {@code cmd} (run on the host) or {@code http} (fetched from here). */
    record HealthEntry(String cmd, String http, Integer status, String description, Duration period,
                       Duration timeout) {
    }

    record BackupEntry(String repository, String passCommand, String job, Duration maxAge, Keep keep) {
    }

    /** Borg prune rules; absent means "not set". */
    record Keep(Integer daily, Integer weekly, Integer monthly) {
    }

    /** Where deploy-rs nodes come from: a JSON file (relative to fleet.json), or {@code nix eval} of a flake. */
    record DeployRs(String flake, String file) {
    }
}

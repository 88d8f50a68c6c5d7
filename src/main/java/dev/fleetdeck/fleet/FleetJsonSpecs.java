package dev.fleetdeck.fleet;

import dev.fleetdeck.fleet.FleetJson.BackupEntry;
import dev.fleetdeck.fleet.FleetJson.Defaults;
import dev.fleetdeck.fleet.FleetJson.HealthEntry;
import dev.fleetdeck.fleet.FleetJson.HostEntry;
import dev.fleetdeck.fleet.FleetJson.Keep;

import java.time.Duration;
import java.util.List;

/** Turns checked fleet.json entries into {@link HostSpec} layers and domain health checks and backups. */
final class FleetJsonSpecs {

    static final Duration HEALTH_PERIOD = Duration.ofSeconds(5);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);
    static final int HEALTH_STATUS = 200;
    /** A daily backup plus slack for a late or slow run. */
    static final Duration BACKUP_MAX_AGE = Duration.ofHours(26);

    private final PathExpander paths;

    FleetJsonSpecs(PathExpander paths) {
        this.paths = paths;
    }

    /** The {@code defaults} block as a nameless layer. */
    HostSpec defaults(Defaults d) {
        if (d == null) return HostSpec.named(null);
        return new HostSpec(null, null, port(d.port()), d.user(), d.tags(), d.transport(), d.engine(),
                files(d.identityFiles()), null, null, null, d.confirmTimeout());
    }

    HostSpec host(String name, HostEntry h) {
        List<HealthCheck> health = h.health() == null ? null : h.health().stream().map(FleetJsonSpecs::health).toList();
        return new HostSpec(name, h.address(), port(h.port()), h.user(), h.tags(), h.transport(), h.engine(),
                files(h.identityFiles()), h.proxyJump(), health, backup(h.backup()), h.confirmTimeout());
    }

    static HealthCheck health(HealthEntry h) {
        Duration period = h.period() != null ? h.period() : HEALTH_PERIOD;
        Duration timeout = h.timeout() != null ? h.timeout() : HEALTH_TIMEOUT;
        if (h.cmd() != null) return new HealthCheck.Cmd(h.description(), h.cmd(), period, timeout);
        int status = h.status() != null ? h.status() : HEALTH_STATUS;
        return new HealthCheck.Http(h.description(), h.http(), status, period, timeout);
    }

    static Backup backup(BackupEntry b) {
        if (b == null) return null;
        Keep k = b.keep() != null ? b.keep() : new Keep(null, null, null);
        return new Backup(b.repository(), b.passCommand(), b.job(),
                b.maxAge() != null ? b.maxAge() : BACKUP_MAX_AGE,
                orZero(k.daily()), orZero(k.weekly()), orZero(k.monthly()));
    }

    private List<String> files(List<String> files) {
        return files == null ? null : files.stream().map(paths::expand).toList();
    }

    private static Integer port(Port port) {
        return port == null ? null : port.value();
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}

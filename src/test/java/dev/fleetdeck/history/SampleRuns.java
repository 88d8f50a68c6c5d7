package dev.fleetdeck.history;

import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Complete runs for tests: one failed on two hosts, one that passed. */
public final class SampleRuns {

    public static final Instant T0 = Instant.parse("2025-03-14T09:30:12.000Z");

    private SampleRuns() {
    }

    /** alpha: disk ✓, store ✗ (fix hint), reboot -; beta: disk ✓, store !, reboot ?. Run failed. */
    public static void failedOnTwoHosts(RunListener l, String runId) {
        RunScript r = new RunScript(l, runId);
        r.start(T0, "preflight", List.of("alpha", "beta"), Map.of("token", "***"), "disk", "store", "reboot");
        r.step(at(100), "alpha", "disk", 1);
        r.step(at(110), "beta", "disk", 1);
        r.out(at(200), "alpha", "disk", "Filesystem Size Used");
        r.err(at(210), "alpha", "disk", "df: warning");
        r.out(at(220), "alpha", "disk", "/dev/sda1 100G 40G");
        r.finish(at(500), "alpha", "disk", StepStatus.PASSED, Duration.ofMillis(400), 0, "free 60 GiB", null);
        r.finish(at(510), "beta", "disk", StepStatus.PASSED, Duration.ofMillis(400), 0, "free 80 GiB", null);
        r.step(at(600), "alpha", "store", 1);
        r.step(at(610), "beta", "store", 1);
        r.err(at(700), "alpha", "store", "path '/nix/store/x' was modified!");
        r.finish(at(1600), "alpha", "store", StepStatus.FAILED, Duration.ofMillis(1000), 1, "exit 1",
                "run nix-store --verify --repair");
        r.finish(at(1610), "beta", "store", StepStatus.WARNED, Duration.ofMillis(1000), 0, "slow store",
                "check the disk");
        r.finish(at(1620), "alpha", "reboot", StepStatus.SKIPPED, Duration.ZERO, null, "an earlier step failed", null);
        r.finish(at(1630), "beta", "reboot", StepStatus.ABSENT, Duration.ZERO, null, "skipped: no YubiKey", null);
        r.end(at(1700), false, false);
    }

    /** One host, one step that passed. */
    public static void passedOnOneHost(RunListener l, String runId, String host, Instant start) {
        RunScript r = new RunScript(l, runId);
        r.start(start, "uptime", List.of(host), Map.of(), "uptime");
        r.step(start.plusMillis(10), host, "uptime", 1);
        r.out(start.plusMillis(20), host, "uptime", "up 3 days");
        r.finish(start.plusMillis(30), host, "uptime", StepStatus.PASSED, Duration.ofMillis(20), 0, "ok", null);
        r.end(start.plusMillis(40), true, false);
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }
}

package dev.fleetdeck.task.builtin;

import static dev.fleetdeck.task.StepStatus.ABSENT;
import static dev.fleetdeck.task.StepStatus.FAILED;
import static dev.fleetdeck.task.StepStatus.PASSED;
import static dev.fleetdeck.task.StepStatus.SKIPPED;
import static dev.fleetdeck.task.StepStatus.WARNED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.demo.Await;
import dev.fleetdeck.demo.SimulatedNixos;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** preflight on simulated NixOS hosts: one healthy, each other broken in one way. */
class PreflightTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @TempDir
    static Path tmp;

    static TestHost healthy;
    static TestHost failedUnit;
    static TestHost lockHeld;
    static TestHost mismatch;
    static TestHost rebootPending;
    static SecretsFixture secrets;
    static Process lockHolder;

    @BeforeAll
    static void hosts() throws Exception {
        healthy = hosts.start();
        SimulatedNixos.install(healthy);
        failedUnit = hosts.start();
        SimulatedNixos.install(failedUnit).failUnit("nginx.service");
        lockHeld = hosts.start();
        SimulatedNixos lockSim = SimulatedNixos.install(lockHeld);
        Path lock = lockSim.switchLock();
        Files.writeString(lock, "");
        // A live process holding the lock with flock(2), as a running (or hung) switch-to-configuration does.
        // exec: the holder is one process (flock takes the lock, then becomes sleep), so killing it releases it.
        lockHolder = new ProcessBuilder("flock", lock.toString(), "sh", "-c", "exec sleep 600").start();
        String inode = Files.getAttribute(lock, "unix:ino").toString();
        Await.until(Duration.ofSeconds(10), () -> readLocks().contains(":" + inode + " "), "flock on the switch lock");
        mismatch = hosts.start();
        SimulatedNixos.install(mismatch).profileAheadOfCurrentSystem();
        rebootPending = hosts.start();
        SimulatedNixos.install(rebootPending).kernelUpdatedSinceBoot();
        secrets = SecretsFixture.create(tmp);
    }

    @AfterAll
    static void release() {
        if (lockHolder == null) return;
        lockHolder.descendants().forEach(ProcessHandle::destroyForcibly);
        lockHolder.destroyForcibly();
    }

    private static String readLocks() {
        try {
            return Files.readString(Path.of("/proc/locks"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void passesOnAHealthyHostAndFailsEachBrokenHostAtTheRightStep() throws Exception {
        BuiltinRun run = BuiltinRun.run(hosts, "preflight", List.of(healthy.asHost("healthy"),
                failedUnit.asHost("failed-unit"), lockHeld.asHost("lock-held"), mismatch.asHost("mismatch"),
                rebootPending.asHost("reboot-pending")), Map.of("flake", secrets.flake.toString()),
                ManualConfirmer.NOBODY);

        // nix is not installed on the test machine: the flake step reports its subject absent, not a failure.
        StepStatus flake = run.step("healthy", "flake-evaluates").status();
        assertTrue(flake == ABSENT || flake == PASSED, flake.toString());
        run.expectAllPassedExcept("healthy", Map.of("flake-evaluates", flake));
        run.expect("healthy", "secrets-fresh", PASSED, "newest secrets commit " + secrets.head());
        run.expect("healthy", "switch-lock", PASSED, "no switch lock file");

        run.expectMessage("failed-unit", "failed-units", FAILED, "failed units: nginx.service");
        run.expect("failed-unit", "switch-lock", SKIPPED, null);

        long pid = lockHolder.pid();
        run.expectMessage("lock-held", "switch-lock", FAILED, "switch lock held by pid " + pid + " (flock)");
        run.expect("lock-held", "profile-current", SKIPPED, null);

        run.expectMessage("mismatch", "profile-current", FAILED, "MISMATCH: profile ");
        run.expect("mismatch", "reboot-pending", SKIPPED, null);

        run.expectMessage("reboot-pending", "reboot-pending", WARNED, "reboot pending: booted kernel");
        run.expect("reboot-pending", "profile-current", PASSED, null);
        assertFalse(run.result.passed());
    }

    @Test
    void aFullNixStoreFailsTheFreeSpaceStep() throws Exception {
        BuiltinRun run = BuiltinRun.run(hosts, "preflight", List.of(healthy.asHost("healthy")),
                Map.of("minNixFree", "1000TiB", "flake", secrets.flake.toString()), ManualConfirmer.NOBODY);
        run.expectMessage("healthy", "nix-free", FAILED, "free ");
        run.expectMessage("healthy", "nix-free", FAILED, "< 1000 TiB");
        run.expect("healthy", "boot-free", SKIPPED, null);
        assertFalse(run.result.passed());
    }

    @Test
    void anUnheldLockFileLeftByTheLastSwitchIsFine() throws Exception {
        TestHost h = hosts.start();
        Files.writeString(SimulatedNixos.install(h).switchLock(), "");
        BuiltinRun run = BuiltinRun.run(hosts, "preflight", List.of(h.asHost("h")),
                Map.of("flake", secrets.flake.toString()), ManualConfirmer.NOBODY);
        run.expect("h", "switch-lock", PASSED, "not held");
    }
}

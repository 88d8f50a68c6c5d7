package dev.fleetdeck.task.builtin;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.fleetdeck.task.StepStatus.FAILED;
import static dev.fleetdeck.task.StepStatus.PASSED;
import static dev.fleetdeck.task.StepStatus.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fleetdeck.fleet.Backup;
import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.demo.BorgFixture;
import dev.fleetdeck.demo.SimulatedNixos;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** backup-verify against real Borg repositories on simulated NixOS hosts. */
class BackupVerifyTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    static final Duration DAY = Duration.ofDays(1);

    @Test
    void passesOnAGoodRepositoryAndFailsEachBadOneAtTheRightStep() throws Exception {
        // Archives at noon UTC on whole days, so they fall on distinct calendar days in any time zone prune uses.
        Instant today = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(12));
        // Healthy: one archive a day for three days, the newest 12-36 h old (max age 2 days); the job keeps
        // 7 daily, 4 weekly, 6 monthly.
        TestHost healthy = hosts.start();
        SimulatedNixos healthySim = SimulatedNixos.install(healthy);
        BorgFixture good = BorgFixture.create(healthySim, "nas").archive(today.minus(DAY.multipliedBy(3)))
                .archive(today.minus(DAY.multipliedBy(2))).archive(today.minus(DAY));

        // Old: the newest archive is 3.5-4.5 days old.
        TestHost old = hosts.start();
        BorgFixture stale = BorgFixture.create(SimulatedNixos.install(old), "nas")
                .archive(today.minus(DAY.multipliedBy(4)));

        // Corrupt: the healthy repository with bytes overwritten in a data segment.
        TestHost corrupt = hosts.start();
        BorgFixture broken = BorgFixture.copyOf(good, SimulatedNixos.install(corrupt));
        broken.corruptSegment();

        // Retention: a second archive on the same day as an existing one, which keep-daily would prune.
        TestHost unpruned = hosts.start();
        BorgFixture extra = BorgFixture.copyOf(good, SimulatedNixos.install(unpruned));
        extra.archive(today.minus(DAY).plus(Duration.ofMinutes(30)));

        // The job's timer runs, but its last run failed.
        TestHost jobFailed = hosts.start();
        SimulatedNixos jobSim = SimulatedNixos.install(jobFailed);
        BorgFixture lastFailed = BorgFixture.copyOf(good, jobSim);
        jobSim.unit("borgbackup-job-nas.service", "failed", "exit-code");

        TestHost noBackup = hosts.start();
        SimulatedNixos.install(noBackup);

        BuiltinRun run = BuiltinRun.run(hosts, "backup-verify", List.of(
                BuiltinRun.host(healthy, "healthy", List.of(), rules(good), List.of()),
                BuiltinRun.host(old, "old", List.of(), rules(stale), List.of()),
                BuiltinRun.host(corrupt, "corrupt", List.of(), rules(broken), List.of()),
                BuiltinRun.host(unpruned, "unpruned", List.of(), rules(extra), List.of()),
                BuiltinRun.host(jobFailed, "job-failed", List.of(), rules(lastFailed), List.of()),
                BuiltinRun.host(noBackup, "no-backup", List.of(), null, List.of())),
                Map.of(), ManualConfirmer.NOBODY);

        run.expectAllPassedExcept("healthy", Map.of());
        run.expect("healthy", "newest-age", PASSED, "age_seconds=");
        run.expect("healthy", "retention", PASSED, "prune would remove nothing");

        run.expect("old", "repo-open", PASSED, null);
        run.expectMessage("old", "newest-age", FAILED, "age ");
        // The age is reported in hours: the archive is 4 days before today's noon, so 84-107 h depending on the
        // time of day the suite runs; the hour may tick over while the step runs.
        long hours = Duration.between(today.minus(DAY.multipliedBy(4)), Instant.now()).toHours();
        String said = run.output("old", "newest-age");
        assertTrue(said.contains("UTC, " + hours + " h") || said.contains("UTC, " + (hours - 1) + " h"),
                "expected an age of " + hours + " h: " + said);
        run.expect("old", "newest-age", FAILED, " min ago");
        run.expect("old", "repo-check", SKIPPED, null);

        run.expect("corrupt", "newest-age", PASSED, null);
        run.expectMessage("corrupt", "repo-check", FAILED, "borg check found problems");
        run.expect("corrupt", "repo-check", FAILED, "Finished full repository check, errors found.");
        run.expect("corrupt", "test-restore", SKIPPED, null);

        run.expect("unpruned", "test-restore", PASSED, null);
        run.expectMessage("unpruned", "retention", FAILED, "1 archive(s) outside the job's retention rules");
        run.expect("unpruned", "retention", FAILED, "Would prune:");
        run.expect("unpruned", "timer", SKIPPED, null);

        run.expect("job-failed", "timer", PASSED, null);
        run.expectMessage("job-failed", "last-run", FAILED, "last backup run ended with result exit-code");

        run.statuses("no-backup").values().forEach(s -> assertFalse(s != StepStatus.SKIPPED, s.toString()));
        assertFalse(run.result.passed());
    }

    static Backup rules(BorgFixture f) {
        return f.backup(DAY.multipliedBy(2), 7, 4, 6);
    }
}

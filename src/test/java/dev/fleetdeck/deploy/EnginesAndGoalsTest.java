package dev.fleetdeck.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.DeployEngine;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.demo.SimulatedDeploy;
import dev.fleetdeck.demo.SimulatedDeploy.Fault;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** deploy-rs and colmena under our guard; the boot and dry-activate goals; a stale switch lock. */
class EnginesAndGoalsTest {

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path tmp;

    DeployBed bed;
    SimulatedDeploy sim;

    @BeforeEach
    void setUp() {
        bed = new DeployBed(hosts, tmp);
        sim = bed.add("web1", false);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private String command(String step) {
        return bed.events.stream().filter(e -> e instanceof RunEvent.StepStarted s && s.stepId().equals(step)
                && s.command() != null).map(e -> ((RunEvent.StepStarted) e).command()).findFirst().orElse("");
    }

    @Test
    void deployRsIsConfirmedUnderOurGuard() throws Exception {
        String built = bed.ws.build("web1", Fault.NONE);
        DeployResult r = bed.deploy(bed.options().withEngine(DeployEngine.DEPLOY_RS), bed.host(0));
        assertEquals(Outcome.Kind.CONFIRMED, r.outcome("web1").kind(), bed.transcript("web1"));
        assertTrue(command("activate").contains("deploy --skip-checks --targets '.#web1'"), command("activate"));
        assertTrue(sim.currentGeneration().endsWith(built));
        assertFalse(sim.anyTimerActive());
    }

    @Test
    void colmenaFailingHealthCheckIsRolledBack() throws Exception {
        Path before = sim.currentGeneration();
        bed.ws.build("web1", Fault.HTTP_500);
        DeployResult r = bed.deploy(bed.options().withEngine(DeployEngine.COLMENA), bed.host(0));
        Outcome o = r.outcome("web1");
        assertEquals(Outcome.Kind.ROLLED_BACK, o.kind(), bed.transcript("web1"));
        assertTrue(o.message().contains("health check \"api-http\" failed"), o.message());
        assertTrue(command("activate").contains("colmena apply --on web1 switch"), command("activate"));
        assertEquals(before, sim.currentGeneration());
    }

    @Test
    void testGoalIsGuardedAndLeavesTheProfile() throws Exception {
        Path profile = sim.profileGeneration();
        String built = bed.ws.build("web1", Fault.NONE);
        DeployResult r = bed.deploy(bed.options().withGoal(Goal.TEST), bed.host(0));
        assertEquals(Outcome.Kind.CONFIRMED, r.outcome("web1").kind(), bed.transcript("web1"));
        assertTrue(sim.currentGeneration().endsWith(built));
        assertEquals(profile, sim.profileGeneration(), "test does not move the system profile");
        assertFalse(sim.anyTimerActive());
    }

    @Test
    void testGoalBrokenIsRolledBack() throws Exception {
        Path before = sim.currentGeneration();
        bed.ws.build("web1", Fault.STOP_SSHD);
        DeployResult r = bed.deploy(bed.options().withGoal(Goal.TEST), bed.host(0));
        assertEquals(Outcome.Kind.ROLLED_BACK, r.outcome("web1").kind(), bed.transcript("web1"));
        assertEquals(before, sim.currentGeneration());
        assertEquals(before, sim.profileGeneration());
        assertTrue(sim.sshdAlive());
    }

    @Test
    void bootGoalArmsNoGuardAndLeavesTheRunningSystem() throws Exception {
        Path before = sim.currentGeneration();
        String built = bed.ws.build("web1", Fault.STOP_SSHD);
        DeployResult r = bed.deploy(bed.options().withGoal(Goal.BOOT), bed.host(0));
        assertEquals(Outcome.Kind.REPORTED, r.outcome("web1").kind(), bed.transcript("web1"));
        assertTrue(r.success());
        assertEquals(before, sim.currentGeneration(), "running system unchanged");
        assertTrue(sim.profileGeneration().endsWith(built), "profile (boot default) on the new generation");
        assertFalse(sim.anyTimerActive());
        assertTrue(sim.sshdAlive());
    }

    @Test
    void dryActivateChangesNothing() throws Exception {
        Path before = sim.currentGeneration();
        bed.ws.build("web1", Fault.STOP_SSHD);
        DeployResult r = bed.deploy(bed.options().withGoal(Goal.DRY_ACTIVATE), bed.host(0));
        assertEquals(Outcome.Kind.REPORTED, r.outcome("web1").kind(), bed.transcript("web1"));
        assertTrue(bed.transcript("web1").contains("would activate"), bed.transcript("web1"));
        assertEquals(before, sim.currentGeneration());
        assertEquals(before, sim.profileGeneration());
    }

    @Test
    void staleSwitchLockStopsTheDeployNamingItsHolder() throws Exception {
        Path before = sim.currentGeneration();
        bed.ws.build("web1", Fault.NONE);
        Path lock = sim.nixos().switchLock();
        Files.createDirectories(lock.getParent());
        Process holder = new ProcessBuilder("flock", "-x", lock.toString(), "sleep", "60").start();
        try {
            dev.fleetdeck.demo.Await.until(java.time.Duration.ofSeconds(5), () -> locked(lock), "the lock to be held");
            DeployResult r = bed.deploy(bed.options(), bed.host(0));
            Outcome o = r.outcome("web1");
            assertEquals(Outcome.Kind.FAILED_BEFORE_ACTIVATION, o.kind(), bed.transcript("web1"));
            assertTrue(o.reason().contains("switch lock held by") && o.reason().contains("(flock)"), o.message());
            assertEquals(before, sim.currentGeneration());
        } finally {
            holder.destroyForcibly();
        }
    }

    private static boolean locked(Path lock) {
        try {
            return new ProcessBuilder("flock", "-n", lock.toString(), "true").start().waitFor() != 0;
        } catch (Exception e) {
            return false;
        }
    }
}

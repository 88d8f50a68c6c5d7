package dev.fleetdeck.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.testbed.SimulatedDeploy;
import dev.fleetdeck.testbed.SimulatedDeploy.Fault;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The fault table of the safe deploy, over real SSH to simulated NixOS hosts. */
class SafeDeployTest {

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path tmp;

    DeployBed bed;

    @BeforeEach
    void setUp() {
        bed = new DeployBed(hosts, tmp);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private Outcome deployBroken(Fault fault) throws Exception {
        SimulatedDeploy sim = bed.add("web1", false);
        Path before = sim.currentGeneration();
        bed.ws.build("web1", fault);
        DeployResult r = bed.deploy(bed.options(), bed.host(0));
        Outcome o = r.outcome("web1");
        assertEquals(Outcome.Kind.ROLLED_BACK, o.kind(), o.message() + "\n" + bed.transcript("web1"));
        assertFalse(r.success());
        assertEquals(before, sim.currentGeneration(), "host is back on the previous generation");
        assertEquals(before, sim.profileGeneration(), "system profile is back on the previous generation");
        assertTrue(sim.sshdAlive(), "sshd runs");
        return o;
    }

    @Test
    void healthyDeployIsConfirmed() throws Exception {
        SimulatedDeploy sim = bed.add("web1", false);
        String built = bed.ws.build("web1", Fault.NONE);
        DeployResult r = bed.deploy(bed.options(), bed.host(0));
        Outcome o = r.outcome("web1");
        assertEquals(Outcome.Kind.CONFIRMED, o.kind(), o.message() + "\n" + bed.transcript("web1"));
        assertTrue(r.success());
        assertTrue(sim.currentGeneration().endsWith(built), "new generation active: " + sim.currentGeneration());
        assertTrue(sim.profileGeneration().endsWith(built), "profile on the new generation");
        assertFalse(sim.anyTimerActive(), "guard gone");
    }

    @Test
    void activationStoppingSshdIsRolledBackByTheGuard() throws Exception {
        Outcome o = deployBroken(Fault.STOP_SSHD);
        assertTrue(o.message().startsWith("rolled back"), o.message());
    }

    @Test
    void hangingActivationIsRestoredAfterTheTimeout() throws Exception {
        Outcome o = deployBroken(Fault.HANG);
        assertTrue(o.reason().contains("did not finish"), o.message());
    }

    @Test
    void failingActivationIsRolledBackAtOnce() throws Exception {
        long start = System.nanoTime();
        Outcome o = deployBroken(Fault.EXIT_NONZERO);
        assertTrue(o.reason().contains("activation failed"), o.message());
        assertTrue(System.nanoTime() - start < DeployBed.CONFIRM.toNanos() + 20_000_000_000L);
    }

    @Test
    void failingHttpHealthCheckIsRolledBackNamingIt() throws Exception {
        Outcome o = deployBroken(Fault.HTTP_500);
        assertTrue(o.message().contains("health check \"api-http\" failed: status 500"), o.message());
    }

    @Test
    void serviceDownIsRolledBackNamingTheCheck() throws Exception {
        Outcome o = deployBroken(Fault.SERVICE_DOWN);
        assertTrue(o.message().contains("health check \"api\" failed"), o.message());
    }
}

package dev.fleetdeck.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.demo.SimulatedDeploy;
import dev.fleetdeck.demo.SimulatedDeploy.Fault;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.demo.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    @Test
    void linkTakenDownIsRolledBackWithinTheConfirmTimeoutPlus30s() throws Exception {
        SimulatedDeploy sim = bed.add("edge", true);
        Path before = sim.currentGeneration();
        bed.ws.build("edge", Fault.LINK_DOWN);
        // Longer than keepalive's 8 s (as the real default of 90 s is), so the dead link is noticed first.
        Duration confirm = Duration.ofSeconds(12);
        long start = System.nanoTime();
        DeployResult r = bed.deploy(bed.options().withTimeouts(confirm, Duration.ofSeconds(2), Duration.ofSeconds(25)),
                bed.host(0));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Outcome o = r.outcome("edge");
        assertEquals(Outcome.Kind.ROLLED_BACK, o.kind(), o.message() + "\n" + bed.transcript("edge"));
        assertTrue(bed.transcript("edge").contains("connection lost"), "detected through keepalive:\n" + bed.transcript("edge"));
        assertTrue(took.compareTo(confirm.plusSeconds(30)) < 0, "took " + took);
        assertEquals(before, sim.currentGeneration());
        assertEquals(before, sim.profileGeneration());
    }

    @Test
    void secondDeployOfTheSameHostIsRefusedAtOnce() throws Exception {
        SimulatedDeploy sim = bed.add("web1", false);
        String built = bed.ws.build("web1", Fault.SLOW);
        CompletableFuture<DeployResult> first = bed.deployer().start(List.of(bed.host(0)), bed.options(), bed.events::add);
        Await.until(Duration.ofSeconds(20), () -> bed.events.stream().anyMatch(e -> e instanceof RunEvent.StepStarted s
                && s.stepId().equals("activate")), "the first deploy to activate");
        long start = System.nanoTime();
        DeployResult second = bed.deploy(bed.options(), bed.host(0));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Outcome refused = second.outcome("web1");
        assertEquals(Outcome.Kind.REFUSED, refused.kind(), refused.message());
        assertTrue(refused.reason().contains("another deploy of web1 is running"), refused.message());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "refused at once, took " + took);
        // Another machine (its own local state) is stopped by the lock on the host.
        DeployBed other = new DeployBed(hosts, tmp.resolve("other"));
        other.fleet.add(bed.host(0));
        DeployResult third = other.deploy(bed.options(), bed.host(0));
        assertEquals(Outcome.Kind.REFUSED, third.outcome("web1").kind(), third.outcome("web1").message());
        assertTrue(third.outcome("web1").reason().contains("locked by deploy"), third.outcome("web1").message());
        Outcome o = first.get().outcome("web1");
        assertEquals(Outcome.Kind.CONFIRMED, o.kind(), o.message() + "\n" + bed.transcript("web1"));
        assertTrue(sim.currentGeneration().endsWith(built));
    }

    @Test
    void fiveHostsOneBreaksKeepGoing() throws Exception {
        List<SimulatedDeploy> sims = new ArrayList<>();
        List<Path> before = new ArrayList<>();
        List<String> built = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SimulatedDeploy s = bed.add("h" + i, false);
            sims.add(s);
            before.add(s.currentGeneration());
            built.add(bed.ws.build("h" + i, i == 2 ? Fault.HTTP_500 : Fault.NONE));
        }
        DeployResult r = bed.deploy(bed.options().withParallel(5, true), bed.fleet.toArray(Host[]::new));
        assertFalse(r.success());
        for (int i = 0; i < 5; i++) {
            Outcome o = r.outcome("h" + i);
            if (i == 2) {
                assertEquals(Outcome.Kind.ROLLED_BACK, o.kind(), o.message() + "\n" + bed.transcript("h2"));
                assertEquals(before.get(i), sims.get(i).currentGeneration());
            } else {
                assertEquals(Outcome.Kind.CONFIRMED, o.kind(), o.message() + "\n" + bed.transcript("h" + i));
                assertTrue(sims.get(i).currentGeneration().endsWith(built.get(i)));
            }
        }
    }

    @Test
    void serialDeployStopsTheRestAtTheFirstRollback() throws Exception {
        List<SimulatedDeploy> sims = new ArrayList<>();
        List<Path> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SimulatedDeploy s = bed.add("h" + i, false);
            sims.add(s);
            before.add(s.currentGeneration());
            bed.ws.build("h" + i, i == 0 ? Fault.EXIT_NONZERO : Fault.NONE);
        }
        DeployResult r = bed.deploy(bed.options().withParallel(1, false), bed.fleet.toArray(Host[]::new));
        assertEquals(Outcome.Kind.ROLLED_BACK, r.outcome("h0").kind(), r.outcome("h0").message());
        for (int i = 0; i < 5; i++) {
            if (i > 0) assertEquals(Outcome.Kind.STOPPED, r.outcome("h" + i).kind(), r.outcome("h" + i).message());
            assertEquals(before.get(i), sims.get(i).currentGeneration(), "h" + i + " unchanged");
        }
    }

    @Test
    void newHostKeyIsNeverTrustedAndTheGuardRestoresTheOldOne() throws Exception {
        Outcome o = deployBroken(Fault.NEW_HOST_KEY);
        assertTrue(o.reason().contains("host unreachable") && o.reason().contains("key"), o.message());
    }
}

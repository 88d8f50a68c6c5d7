package dev.fleetdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.deploy.DeployBed;
import dev.fleetdeck.demo.Await;
import dev.fleetdeck.demo.SimulatedDeploy;
import dev.fleetdeck.demo.SimulatedDeploy.Fault;
import dev.fleetdeck.testbed.TestHosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetdeck deploy} end to end, in process and as a real process killed with SIGKILL. */
class DeployCliTest {

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path tmp;

    DeployBed bed;
    SimulatedDeploy sim;
    Path fleet;


    @BeforeEach
    void setUp() throws Exception {
        bed = new DeployBed(hosts, tmp);
        sim = bed.add("web1", false);
        var h = bed.host(0);
        fleet = tmp.resolve("fleet.json");
        Files.writeString(fleet, """
                {
                  "hosts": {
                    "web1": { "address": "%s", "port": %d, "user": "%s", "identityFiles": ["%s"],
                              "confirmTimeout": "6s",
                              "health": [ { "cmd": "systemctl is-active api.service", "description": "api",
                                            "period": "1s", "timeout": "5s" } ] }
                  }
                }
                """.formatted(h.address(), h.port(), h.user(), h.identityFiles().get(0)));
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("deploy", "web1", "--fleet", fleet.toString(), "--known-hosts",
                bed.knownHosts().toString(), "--flake", bed.ws.flake().toString(), "--engine-path",
                bed.ws.bin().toString(), "--validate-param", "dnsName=localhost", "--state-dir",
                tmp.resolve("state").toString(), "--lock-wait", "2s"));
        a.addAll(List.of(extra));
        return a;
    }

    private CliRun run(String... extra) {
        return CliRun.of(args(extra));
    }

    @Test
    void healthyDeployExitsZeroAndIsInHistory() throws Exception {
        String built = bed.ws.build("web1", Fault.NONE);
        CliRun r = run("--yes");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("web1: confirmed"), r.out());
        assertTrue(sim.currentGeneration().endsWith(built));
        assertFalse(sim.anyTimerActive());
        StringWriter out = new StringWriter();
        FleetdeckCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("history", "--state-dir", tmp.resolve("state").toString());
        assertTrue(out.toString().contains("deploy"), out.toString());
        // The run's id is the first word of the first data row; show replays the checklist and the outcome.
        String runId = out.toString().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        StringWriter shown = new StringWriter();
        FleetdeckCommand.commandLine(new PrintWriter(shown, true), new PrintWriter(new StringWriter(), true))
                .execute("show", runId, "--state-dir", tmp.resolve("state").toString());
        assertTrue(shown.toString().contains("confirmed: running"), shown.toString());
        assertTrue(shown.toString().contains("Arm the rollback guard"), shown.toString());
    }

    @Test
    void rollbackExitsOneWithTheReason() throws Exception {
        Path before = sim.currentGeneration();
        bed.ws.build("web1", Fault.SERVICE_DOWN);
        CliRun r = run("--yes");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("web1: rolled back: health check \"api\" failed"), r.out());
        assertEquals(before, sim.currentGeneration());
    }

    @Test
    void jsonModePrintsTheEvents() throws Exception {
        bed.ws.build("web1", Fault.NONE);
        CliRun r = run("--yes", "--json", "--serial");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("{")), r.out());
        assertTrue(r.out().contains("systemd-run --collect"), "the exact commands are in the log");
        assertTrue(r.out().contains("confirmed: running"), r.out());
    }

    @Test
    void withoutTerminalAndWithoutYesItRefuses() throws Exception {
        Path before = sim.currentGeneration();
        bed.ws.build("web1", Fault.NONE);
        CliRun r = run();
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--yes"), r.err());
        assertEquals(before, sim.currentGeneration());
    }

    @Test
    void guardRestoresTheHostWhenFleetdeckIsKilledMidActivation() throws Exception {
        Path before = sim.currentGeneration();
        String built = bed.ws.build("web1", Fault.SLOW);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.fleetdeck.Main"));
        cmd.addAll(args("--yes"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("fleetdeck.out").toFile()).start();
        try {
            Await.until(Duration.ofSeconds(30), sim::activationRunning, "the activation to start");
        } finally {
            p.destroyForcibly(); // SIGKILL
        }
        p.waitFor();
        Await.until(Duration.ofSeconds(20), () -> sim.currentGeneration().endsWith(built), "the activation to complete");
        Await.until(DeployBed.CONFIRM.plusSeconds(20), () -> sim.currentGeneration().equals(before),
                "the guard to restore the previous generation");
        Await.until(Duration.ofSeconds(10), () -> !sim.anyTimerActive(), "the guard to be gone");
        assertEquals(before, sim.profileGeneration());
        assertTrue(sim.sshdAlive());
        // The killed deploy's host lock no longer blocks: its guard has finished.
        String next = bed.ws.build("web1", Fault.NONE);
        CliRun r = run("--yes");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(sim.currentGeneration().endsWith(next));
    }
}

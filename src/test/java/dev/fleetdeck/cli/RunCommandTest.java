package dev.fleetdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.history.RunRecord;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.RunSummary;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.testbed.FleetFiles;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetdeck run} end to end: a user task from the flake repo on real sshd hosts, recorded in history. */
class RunCommandTest {

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path dir;

    private TestHost alpha;
    private TestHost beta;
    private Path fleet;
    private Path knownHosts;
    private Path state;


    @BeforeEach
    void setUp() throws Exception {
        alpha = hosts.start();
        beta = hosts.start();
        FleetFiles files = FleetFiles.in(dir).host("alpha", alpha).host("beta", beta, "broken");
        fleet = files.write();
        knownHosts = files.knownHosts();
        Path tasks = Files.createDirectories(dir.resolve(".fleetdeck/tasks"));
        Files.writeString(tasks.resolve("hello.json"), """
                { "id": "hello", "title": "Say hello",
                  "params": { "name": { "default": "world" } },
                  "steps": [
                    { "id": "greet", "title": "Greet", "run": "echo hello ${name}", "expect": { "stdout": "hello" } },
                    { "id": "tagged", "title": "Not on broken hosts", "run": "exit 3",
                      "when": { "tag": "broken" }, "fix": "mend the host" },
                    { "id": "last", "title": "Last step", "run": "true" } ] }
                """);
        state = dir.resolve("state");
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--fleet", fleet.toString(), "--known-hosts",
                knownHosts.toString(), "--state-dir", state.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }

    @Test
    void runsPrintsAChecklistAndRecordsHistory() throws Exception {
        CliRun r = run("hello", "all", "--param", "name=fleet", "-v");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("alpha   greet | hello fleet") || r.out().contains("alpha greet | hello fleet"),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("alpha ✓ Greet")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("alpha - Not on broken hosts")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("beta  ✗ Not on broken hosts") && l.contains("exit 3")),
                r.out());
        assertTrue(r.out().contains("fix: mend the host"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("beta  - Last step")), r.out());

        RunStore store = new RunStore(state.resolve("fleetdeck/runs"));
        List<RunSummary> runs = store.list(Optional.empty(), 10);
        assertEquals(1, runs.size());
        RunRecord rec = store.load(runs.get(0).runId());
        assertEquals("hello", rec.taskId());
        assertEquals(StepStatus.FAILED, rec.steps("beta").get(1).status());
        assertEquals(List.of("hello fleet"), store.log(rec.runId(), "alpha", "greet").stream()
                .map(l -> l.substring(l.indexOf(' ') + 3)).toList());
    }

    @Test
    void passingRunExitsZeroAndJsonIsOneEventPerLine() throws Exception {
        CliRun r = run("hello", "alpha", "--json");
        assertEquals(0, r.code(), r.err());
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.out().split("\n")) events.add(m.readTree(line));
        assertEquals("run-started", events.get(0).get("event").asText());
        assertEquals("run-finished", events.get(events.size() - 1).get("event").asText());
        assertTrue(events.get(events.size() - 1).get("passed").asBoolean());
        assertTrue(events.stream().anyMatch(e -> e.get("event").asText().equals("step-finished")
                && e.get("step").asText().equals("greet") && e.get("status").asText().equals("passed")));
    }

    @Test
    void historySurvivesKillNineOfTheRealProgramMidRun() throws Exception {
        CliRun first = run("hello", "alpha");
        assertEquals(0, first.code(), first.err());
        Files.writeString(dir.resolve(".fleetdeck/tasks/slow.json"), """
                { "id": "slow", "steps": [
                    { "id": "tick", "run": "echo tick; sleep 300" } ] }
                """);
        Process p = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "dev.fleetdeck.Main",
                "run", "slow", "alpha", "--fleet", fleet.toString(), "--known-hosts", knownHosts.toString(),
                "--state-dir", state.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        RunStore store = new RunStore(state.resolve("fleetdeck/runs"));
        try {
            dev.fleetdeck.demo.Await.until(java.time.Duration.ofSeconds(30), () -> {
                try {
                    var runs = store.list(Optional.empty(), 10);
                    return runs.size() == 2 && store.log(runs.get(0).runId(), "alpha", "tick").size() == 1;
                } catch (Exception e) {
                    return false;
                }
            }, "the slow run's first output line in history");
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        List<RunSummary> runs = store.list(Optional.empty(), 10);
        RunRecord killed = store.load(runs.get(0).runId());
        assertEquals(dev.fleetdeck.history.RunStatus.INTERRUPTED, killed.status());
        assertEquals(StepStatus.INTERRUPTED, killed.steps("alpha").get(0).status());
        RunRecord earlier = store.load(runs.get(1).runId());
        assertEquals(dev.fleetdeck.history.RunStatus.PASSED, earlier.status());
        assertEquals(3, earlier.steps("alpha").size());
    }

    @Test
    void unknownTaskAndBadParamsAreUsageErrors() {
        CliRun unknown = run("helo", "alpha");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("hello"), "did-you-mean: " + unknown.err());
        CliRun badParam = run("hello", "alpha", "--param", "nmae=x");
        assertEquals(2, badParam.code());
        assertTrue(badParam.err().contains("nmae"), badParam.err());
        assertFalse(badParam.err().contains("Exception"), badParam.err());
    }
}

package dev.fleetdeck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.testbed.FleetFiles;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetdeck run --todo}: linked checklist items ticked after a passing run on real sshd hosts, never after a failing one. */
class RunTodoTickTest {

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path dir;

    private Path fleet;
    private Path knownHosts;
    private Path todo;


    @BeforeEach
    void setUp() throws Exception {
        TestHost alpha = hosts.start();
        TestHost beta = hosts.start();
        FleetFiles files = FleetFiles.in(dir).host("alpha", alpha).host("beta", beta, "broken");
        fleet = files.write();
        knownHosts = files.knownHosts();
        Path tasks = Files.createDirectories(dir.resolve(".fleetdeck/tasks"));
        Files.writeString(tasks.resolve("hello.json"), """
                { "id": "hello", "steps": [
                    { "id": "greet", "run": "echo hello" },
                    { "id": "tagged", "run": "exit 3", "when": { "tag": "broken" } } ] }
                """);
        Files.writeString(tasks.resolve("deploy.json"), """
                { "id": "deploy", "steps": [ { "id": "switch", "run": "true" } ] }
                """);
        todo = dir.resolve("TODO-CHECKLIST.md");
        Files.writeString(todo, """
                # Fleet
                - [ ] Hello everywhere <!-- fleetdeck: hello all -->
                - [ ] Hello on alpha <!-- fleetdeck: hello alpha -->
                - [ ] Deploy to the broken ones <!-- fleetdeck: deploy @broken -->
                - [ ] Two deploys to alpha <!-- fleetdeck: deploys alpha >= 2 -->
                """);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--fleet", fleet.toString(), "--known-hosts",
                knownHosts.toString(), "--state-dir", dir.resolve("state").toString(), "--todo", todo.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }

    @Test
    void failingRunTicksNothingPassingRunTicksItsItems() throws Exception {
        byte[] before = Files.readAllBytes(todo);
        CliRun failing = run("hello", "all");
        assertEquals(1, failing.code(), failing.out() + failing.err());
        assertFalse(failing.out().contains("ticked:"), failing.out());
        assertArrayEquals(before, Files.readAllBytes(todo), "a failing run changes nothing");

        CliRun passing = run("hello", "alpha");
        assertEquals(0, passing.code(), passing.out() + passing.err());
        assertTrue(passing.out().lines().anyMatch(l -> l.equals("ticked: Hello on alpha")), passing.out());
        assertFalse(passing.out().contains("ticked: Hello everywhere"), "beta did not pass: " + passing.out());
        String text = Files.readString(todo);
        assertTrue(text.contains("- [x] Hello on alpha"), text);
        assertTrue(text.contains("- [ ] Hello everywhere"), text);
        assertEquals(before.length, Files.size(todo), "one byte rewritten, none added");
    }

    @Test
    void tagsResolveFromTheFleetAndDeploysCountFromHistory() throws Exception {
        CliRun beta = run("deploy", "beta");
        assertEquals(0, beta.code(), beta.out() + beta.err());
        assertTrue(beta.out().contains("ticked: Deploy to the broken ones"), beta.out());

        CliRun first = run("deploy", "alpha");
        assertEquals(0, first.code(), first.err());
        assertFalse(first.out().contains("Two deploys"), "one deploy so far: " + first.out());
        CliRun second = run("deploy", "alpha");
        assertTrue(second.out().contains("ticked: Two deploys to alpha"), second.out());
        assertTrue(Files.readString(todo).contains("- [x] Two deploys to alpha"));

        CliRun third = run("deploy", "alpha");
        assertFalse(third.out().contains("ticked:"), "already ticked: " + third.out());
    }

    @Test
    void consoleRunsTickThroughTheRunnerTaskStarter() throws Exception {
        var f = dev.fleetdeck.fleet.FleetLoader.system().locateAndRead(fleet).fleet();
        var ssh = dev.fleetdeck.transport.SshSettings.fromEnvironment(System.getenv()).withKnownHosts(knownHosts);
        var store = new dev.fleetdeck.history.RunStore(dir.resolve("state/fleetdeck/runs"));
        var starter = new RunnerTaskStarter(dev.fleetdeck.task.TaskCatalog.load(System.getenv(), dir),
                new dev.fleetdeck.task.TaskRunner(ssh, (h, t, x) -> true, 2), store, new TodoTicking(todo, f, store));
        var done = new java.util.concurrent.CompletableFuture<Boolean>();
        dev.fleetdeck.task.RunListener l = e -> {
            if (e instanceof dev.fleetdeck.task.RunEvent.RunFinished fin) done.complete(fin.passed());
        };
        starter.start("hello", dev.fleetdeck.fleet.Selection.select(f, "all"), java.util.Map.of(), l);
        assertFalse(done.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(todo).contains("- [ ] Hello on alpha"), "failed run: nothing ticked");
        var again = new java.util.concurrent.CompletableFuture<Boolean>();
        starter.start("hello", dev.fleetdeck.fleet.Selection.select(f, "alpha"), java.util.Map.of(), e -> {
            if (e instanceof dev.fleetdeck.task.RunEvent.RunFinished fin) again.complete(fin.passed());
        });
        assertTrue(again.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(todo).contains("- [x] Hello on alpha"), "ticked before the console hears of the end");
    }

    @Test
    void withoutAChecklistNothingHappens() throws Exception {
        Files.delete(todo);
        List<String> args = new ArrayList<>(List.of("run", "--fleet", fleet.toString(), "--known-hosts",
                knownHosts.toString(), "--state-dir", dir.resolve("state").toString(), "hello", "alpha"));
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("ticked:"));
        assertFalse(r.err().contains("TODO"), r.err());
    }
}

package dev.fleetdeck.task.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.Backup;
import dev.fleetdeck.fleet.HealthCheck;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunResult;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.task.TaskCatalog;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.task.TaskRunner;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.transport.SshSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Runs a built-in task, loaded as the product loads it, on test hosts; keeps every event for assertions. */
final class BuiltinRun {

    final RunResult result;
    final List<RunEvent> events;

    private BuiltinRun(RunResult result, List<RunEvent> events) {
        this.result = result;
        this.events = events;
    }

    /** The built-in as shipped: from the classpath through the catalog, with no user task dirs. */
    static TaskDef builtin(String id, Path scratch) throws Exception {
        TaskDef t = TaskCatalog.load(Map.of("XDG_CONFIG_HOME", scratch.resolve("no-config").toString(),
                "HOME", scratch.toString()), null).get(id);
        assertNotNull(t, "built-in task " + id);
        return t;
    }

    static BuiltinRun run(TestHosts hosts, String taskId, List<Host> on, Map<String, String> params,
                          ManualConfirmer manual) throws Exception {
        return run(hosts, taskId, t -> t, on, params, manual);
    }

    /** @param adjust changes the shipped task for the test, e.g. a shorter budget for a step that must fail */
    static BuiltinRun run(TestHosts hosts, String taskId, UnaryOperator<TaskDef> adjust, List<Host> on,
                          Map<String, String> params, ManualConfirmer manual) throws Exception {
        Path scratch = hosts.dir();
        Path knownHosts = scratch.resolve("builtin_known_hosts");
        StringBuilder lines = new StringBuilder();
        for (TestHost h : hosts.hosts()) lines.append(h.knownHostsLine()).append('\n');
        try {
            Files.writeString(knownHosts, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SshSettings ssh = SshSettings.fromEnvironment(Map.of("HOME", scratch.toString())).withKnownHosts(knownHosts)
                .withDefaultIdentities(List.of()).withAgentSocket(null);
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        RunResult r = new TaskRunner(ssh, manual, Math.max(1, on.size()))
                .start(adjust.apply(builtin(taskId, scratch)), on, params, events::add).await();
        return new BuiltinRun(r, events);
    }

    static Host host(TestHost t, String name, List<String> tags, Backup backup, List<HealthCheck> health) {
        Host h = t.asHost(name);
        return new Host(h.name(), h.address(), h.port(), h.user(), tags, h.transport(), h.engine(),
                h.identityFiles(), h.proxyJump(), health, backup, h.confirmTimeout());
    }

    /** The task with one step's timeout replaced. */
    static UnaryOperator<TaskDef> timeout(String stepId, java.time.Duration timeout) {
        return t -> new TaskDef(t.id(), t.title(), t.description(), t.params(), t.steps().stream()
                .map(s -> !s.id().equals(stepId) ? s : new dev.fleetdeck.task.StepDef(s.id(), s.title(), s.where(),
                        s.run(), s.expect(), timeout, s.retries(), s.retryDelay(), s.severity(), s.manual(), s.when(),
                        s.fix(), s.expand()))
                .toList(), t.source());
    }

    RunResult.StepOutcome step(String host, String stepId) {
        RunResult.StepOutcome o = result.step(host, stepId);
        assertNotNull(o, "no outcome for " + host + "/" + stepId + " in " + result.byHost().get(host));
        return o;
    }

    Map<String, StepStatus> statuses(String host) {
        return result.byHost().get(host).stream().collect(Collectors.toMap(RunResult.StepOutcome::stepId,
                RunResult.StepOutcome::status, (a, b) -> b, java.util.LinkedHashMap::new));
    }

    /** Everything the step printed on the host (both streams), as the output pane shows it. */
    String output(String host, String stepId) {
        return events.stream().filter(e -> e instanceof RunEvent.StepOutput o && o.host().equals(host)
                        && o.stepId().equals(stepId))
                .map(e -> ((RunEvent.StepOutput) e).line().text()).collect(Collectors.joining("\n"));
    }

    /** Asserts the step's status, and that its message or output says {@code says}. */
    void expect(String host, String stepId, StepStatus status, String says) {
        RunResult.StepOutcome o = step(host, stepId);
        String out = output(host, stepId);
        assertEquals(status, o.status(), host + "/" + stepId + ": " + o.message() + "\n" + out);
        if (says != null) {
            String both = o.message() + "\n" + out;
            assertTrue(both.contains(says), host + "/" + stepId + " should say \"" + says + "\" but said: " + both);
        }
    }

    /** Asserts the step's status and that its message (what the checklist shows) says {@code says}. */
    void expectMessage(String host, String stepId, StepStatus status, String says) {
        RunResult.StepOutcome o = step(host, stepId);
        assertEquals(status, o.status(), host + "/" + stepId + ": " + o.message() + "\n" + output(host, stepId));
        assertTrue(o.message() != null && o.message().contains(says),
                host + "/" + stepId + " message should say \"" + says + "\" but is: " + o.message());
    }

    /** Every step of the host passed, except those listed with another status. */
    void expectAllPassedExcept(String host, Map<String, StepStatus> others) {
        statuses(host).forEach((step, status) -> assertEquals(others.getOrDefault(step, StepStatus.PASSED), status,
                host + "/" + step + ": " + step(host, step).message() + "\n" + output(host, step)));
    }
}

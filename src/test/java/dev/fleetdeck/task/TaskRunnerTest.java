package dev.fleetdeck.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.fleet.HealthCheck;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.StepDef.RunSpec;
import dev.fleetdeck.demo.Await;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.transport.SshSettings;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The task runner against real sshd hosts. */
class TaskRunnerTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    static TestHost a;
    static TestHost b;
    static Path knownHosts;

    @TempDir
    Path tmp;

    final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        a = hosts.start();
        b = hosts.start();
        knownHosts = hosts.dir().resolve("runner_known_hosts");
        Files.writeString(knownHosts, a.knownHostsLine() + "\n" + b.knownHostsLine() + "\n");
    }

    private TaskRunner runner(ManualConfirmer manual) {
        SshSettings s = SshSettings.fromEnvironment(Map.of("HOME", tmp.toString())).withKnownHosts(knownHosts)
                .withDefaultIdentities(List.of()).withAgentSocket(null);
        return new TaskRunner(s, manual, 8);
    }

    static StepDef step(String id, String script) {
        return new StepDef(id, "Step " + id, StepDef.Where.HOST, new RunSpec.Script(script), Expectation.EXIT_ZERO,
                Duration.ofSeconds(30), 0, Duration.ofMillis(100), StepDef.Severity.FAIL, null, null, "try harder", null);
    }

    static StepDef with(StepDef s, StepDef.Severity sev, int retries, Condition when) {
        return new StepDef(s.id(), s.title(), s.where(), s.run(), s.expect(), s.timeout(), retries, s.retryDelay(), sev,
                s.manual(), when, s.fix(), s.expand());
    }

    static TaskDef task(List<StepDef> steps, ParamDef... params) {
        Map<String, ParamDef> p = new LinkedHashMap<>();
        for (ParamDef d : params) p.put(d.name(), d);
        return new TaskDef("t", "Test task", "", p, steps, "test");
    }

    private RunResult run(TaskDef t, List<Host> on, Map<String, String> params) throws Exception {
        return runner(ManualConfirmer.NOBODY).start(t, on, params, events::add).await();
    }

    private List<StepStatus> statuses(RunResult r, String host) {
        return r.byHost().get(host).stream().map(RunResult.StepOutcome::status).toList();
    }

    @Test
    void stepsRunInOrderAFailedStepStopsTheHostAndWarnsContinue() throws Exception {
        TaskDef t = task(List.of(step("one", "echo 1"),
                with(step("two", "exit 4"), StepDef.Severity.WARN, 0, null),
                step("three", "exit 5"),
                step("four", "echo never")));
        RunResult r = run(t, List.of(a.asHost("a")), Map.of());
        assertFalse(r.passed());
        assertEquals(List.of(StepStatus.PASSED, StepStatus.WARNED, StepStatus.FAILED, StepStatus.SKIPPED),
                statuses(r, "a"));
        assertEquals(5, r.step("a", "three").exitCode());
        assertTrue(r.step("a", "three").message().contains("exit 5"), r.step("a", "three").message());
        assertTrue(r.step("a", "four").message().contains("\"three\" failed"));
        RunEvent.StepFinished f = events.stream().filter(e -> e instanceof RunEvent.StepFinished sf
                && sf.stepId().equals("three")).map(RunEvent.StepFinished.class::cast).findFirst().orElseThrow();
        assertEquals("try harder", f.fix());
        assertTrue(events.get(0) instanceof RunEvent.RunStarted);
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunFinished rf && !rf.passed());
    }

    @Test
    void onlyWarningsStillPass() throws Exception {
        RunResult r = run(task(List.of(with(step("w", "exit 1"), StepDef.Severity.WARN, 0, null))),
                List.of(a.asHost("a")), Map.of());
        assertTrue(r.passed());
    }

    @Test
    void retriesUntilTheStepPasses() throws Exception {
        String counter = "\"$FLEETDECK_TEST_ROOT/count-" + System.nanoTime() + "\"";
        TaskDef t = task(List.of(with(step("flaky", "n=$(cat " + counter + " 2>/dev/null || echo 0); n=$((n+1)); "
                + "echo $n > " + counter + "; [ $n -ge 3 ]"), StepDef.Severity.FAIL, 3, null)));
        RunResult r = run(t, List.of(a.asHost("a")), Map.of());
        assertTrue(r.passed());
        assertEquals(3, events.stream().filter(e -> e instanceof RunEvent.StepStarted).count());
    }

    @Test
    void conditionsSkipStepsAndSeeEarlierResults() throws Exception {
        TaskDef t = task(List.of(
                with(step("gpu", "echo gpu"), StepDef.Severity.FAIL, 0, new Condition.HasTag("gpu")),
                step("base", "true"),
                with(step("after", "true"), StepDef.Severity.FAIL, 0,
                        new Condition.StepIs("gpu", List.of(StepStatus.PASSED)))));
        RunResult r = run(t, List.of(a.asHost("a")), Map.of());
        assertEquals(List.of(StepStatus.SKIPPED, StepStatus.PASSED, StepStatus.SKIPPED), statuses(r, "a"));
        assertTrue(r.passed());
    }

    @Test
    void absentIsNotAFailure() throws Exception {
        Expectation absent = new Expectation(java.util.Set.of(0), List.of(), List.of(), null, null,
                new Expectation.Match(Expectation.Stream.ANY, "No YubiKey detected"));
        StepDef key = new StepDef("key", "Key present", StepDef.Where.HOST,
                new RunSpec.Script("echo 'No YubiKey detected!' >&2; exit 1"), absent, Duration.ofSeconds(10), 0,
                Duration.ZERO, StepDef.Severity.FAIL, null, null, null, null);
        StepDef needs = with(step("pin", "true"), StepDef.Severity.FAIL, 0,
                new Condition.StepIs("key", List.of(StepStatus.PASSED)));
        RunResult r = run(task(List.of(key, needs)), List.of(a.asHost("a")), Map.of());
        assertEquals(List.of(StepStatus.ABSENT, StepStatus.SKIPPED), statuses(r, "a"));
        assertTrue(r.passed());
    }

    @Test
    void hostsRunInParallelAndAnUnreachableHostFailsAlone() throws Exception {
        TestHost down = hosts.start();
        down.stopSshd();
        Files.writeString(knownHosts, down.knownHostsLine() + "\n", java.nio.file.StandardOpenOption.APPEND);
        TaskDef t = task(List.of(step("hello", "echo hello"), step("bye", "echo bye")));
        RunResult r = run(t, List.of(a.asHost("a"), down.asHost("down"), b.asHost("b")), Map.of());
        assertFalse(r.passed());
        assertEquals(List.of(StepStatus.PASSED, StepStatus.PASSED), statuses(r, "a"));
        assertEquals(List.of(StepStatus.PASSED, StepStatus.PASSED), statuses(r, "b"));
        assertEquals(List.of(StepStatus.FAILED, StepStatus.SKIPPED), statuses(r, "down"));
        assertTrue(r.step("down", "hello").message().contains("refused"), r.step("down", "hello").message());
    }

    @Test
    void hostileParametersRunAsLiteralValues() throws Exception {
        Path marker = a.root().resolve("pwned");
        List<String> hostile = List.of("$(touch " + marker + ")", "`touch " + marker + "`", "x; touch " + marker,
                "it's \"quoted\"", "two\nlines");
        for (String value : hostile) {
            events.clear();
            TaskDef t = task(List.of(step("echo", "printf '%s' ${word}")),
                    new ParamDef("word", "", null, true, false));
            RunResult r = run(t, List.of(a.asHost("a")), Map.of("word", value));
            assertTrue(r.passed(), value);
            String out = events.stream().filter(e -> e instanceof RunEvent.StepOutput)
                    .map(e -> ((RunEvent.StepOutput) e).line().text()).reduce((x, y) -> x + "\n" + y).orElse("");
            assertEquals(value, out);
        }
        assertFalse(Files.exists(marker), "a parameter must never run as a command");
    }

    @Test
    void secretsNeverAppearInEvents() throws Exception {
        TaskDef t = task(List.of(step("use", "echo token=${token}")), new ParamDef("token", "", null, true, true));
        RunResult r = run(t, List.of(a.asHost("a")), Map.of("token", "hunter2-s3cret"));
        assertTrue(r.passed());
        for (RunEvent e : events) assertFalse(e.toString().contains("hunter2-s3cret"), e.toString());
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.StepOutput o && o.line().text().equals("token=***")));
    }

    @Test
    void manualStepsAskAHuman() throws Exception {
        StepDef manual = new StepDef("touch", "Touch the key", StepDef.Where.HOST, null, null, Duration.ofSeconds(10),
                0, Duration.ZERO, StepDef.Severity.FAIL, "Touch it when it blinks on ${host.name}", null, null, null);
        List<String> asked = new ArrayList<>();
        RunResult yes = runner((h, title, text) -> asked.add(text)).start(task(List.of(manual)),
                List.of(a.asHost("cortex")), Map.of(), events::add).await();
        assertTrue(yes.passed());
        assertEquals(List.of("Touch it when it blinks on cortex"), asked);
        RunResult no = run(task(List.of(manual)), List.of(a.asHost("a")), Map.of());
        assertEquals(StepStatus.FAILED, no.step("a", "touch").status());
    }

    @Test
    void cancelKillsTheRunningStepAndSkipsTheRest() throws Exception {
        TaskDef t = task(List.of(step("long", "echo started; sleep 300"), step("next", "true")));
        RunHandle h = runner(ManualConfirmer.NOBODY).start(t, List.of(a.asHost("a")), Map.of(), events::add);
        Await.until(Duration.ofSeconds(15), () -> events.stream().anyMatch(e -> e instanceof RunEvent.StepOutput),
                "step started");
        h.cancel();
        RunResult r = h.done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(r.cancelled());
        assertFalse(r.passed());
        assertEquals(List.of(StepStatus.CANCELLED, StepStatus.SKIPPED), statuses(r, "a"));
    }

    @Test
    void healthChecksNameTheOneThatFailed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/ok") ? 200 : 500, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Duration p = Duration.ofMillis(100);
            Host h = withHealth(a.asHost("a"), List.of(
                    new HealthCheck.Cmd("sshd answers", "true", p, Duration.ofSeconds(5)),
                    new HealthCheck.Http("web ok", base + "/ok", 200, p, Duration.ofSeconds(5)),
                    new HealthCheck.Http("api", base + "/api", 200, p, Duration.ofSeconds(5))));
            StepDef health = new StepDef("health", "Health checks", StepDef.Where.HOST, null, null,
                    Duration.ofSeconds(1), 0, Duration.ZERO, StepDef.Severity.FAIL, null, null, null, "health");
            RunResult r = run(task(List.of(health)), List.of(h), Map.of());
            RunResult.StepOutcome o = r.step("a", "health");
            assertEquals(StepStatus.FAILED, o.status());
            assertTrue(o.message().contains("\"api\"") && o.message().contains("500"), o.message());
            assertFalse(o.message().contains("web ok"), o.message());
        } finally {
            server.stop(0);
        }
    }

    private static Host withHealth(Host h, List<HealthCheck> checks) {
        return new Host(h.name(), h.address(), h.port(), h.user(), h.tags(), h.transport(), h.engine(),
                h.identityFiles(), h.proxyJump(), checks, h.backup(), h.confirmTimeout());
    }
}

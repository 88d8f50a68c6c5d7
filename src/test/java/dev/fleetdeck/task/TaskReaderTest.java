package dev.fleetdeck.task;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.task.Expectation.Stream;
import dev.fleetdeck.task.StepDef.RunSpec;
import dev.fleetdeck.task.StepDef.Severity;
import dev.fleetdeck.task.StepDef.Where;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskReaderTest {

    static TaskDef parse(String json) throws ConfigException {
        return TaskReader.parse("tasks/t.json", "t.json", json);
    }

    static String error(String json) {
        return assertThrows(ConfigException.class, () -> parse(json)).getMessage();
    }

    /** A task "t" with the given steps (JSON list items) and params (JSON object). */
    static String task(String params, String... steps) {
        return "{\"id\": \"t\", \"params\": " + params + ",\n\"steps\": [\n" + String.join(",\n", steps) + "\n]}";
    }

    @Test
    void theDocumentedExampleReads() throws Exception {
        String doc = Files.readString(Path.of("docs/tasks.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        TaskDef t = TaskReader.parse("preflight.json", "preflight.json", doc.substring(start, doc.indexOf("```", start)));

        assertEquals("preflight", t.id());
        assertEquals(List.of("minNixFree", "token", "flake"), List.copyOf(t.params().keySet()));
        assertEquals(new ParamDef("token", "API token for the status service", null, true, true), t.params().get("token"));
        assertEquals(8, t.steps().size());
        StepDef free = t.steps().get(0);
        assertEquals(new RunSpec.Script("df -B1 --output=avail /nix | tail -n 1"), free.run());
        assertEquals(new Expectation.Threshold(Stream.STDOUT, "(?<free>\\d+)", ">=", "${minNixFree}"), free.expect().threshold());
        assertEquals(Duration.ofSeconds(30), free.timeout());
        assertEquals(new RunSpec.Argv(List.of("systemctl", "--failed", "--no-legend")), t.steps().get(1).run());
        assertEquals(Severity.WARN, t.steps().get(1).severity());
        assertEquals(Where.LOCAL, t.steps().get(2).where());
        assertEquals(new Expectation.Match(Stream.ANY, "No YubiKey detected"), t.steps().get(3).expect().absent());
        assertEquals(new Condition.StepIs("key-present", List.of(StepStatus.PASSED)), t.steps().get(4).when());
        assertEquals(new Condition.All(List.of(new Condition.HasFact("backup"), new Condition.Not(new Condition.HasTag("laptop")))),
                t.steps().get(5).when());
        assertEquals("health", t.steps().get(7).expand());
    }

    @Test
    void defaultsAreSpelledOut() throws Exception {
        TaskDef t = parse(task("{}", "{\"id\": \"a\", \"run\": \"true\"}", "{\"id\": \"b\", \"manual\": \"Look.\"}"));
        StepDef a = t.steps().get(0);
        assertEquals("t", t.title());
        assertEquals("tasks/t.json", t.source());
        assertEquals("a", a.title());
        assertEquals(Where.HOST, a.where());
        assertEquals(Duration.ofSeconds(60), a.timeout());
        assertEquals(0, a.retries());
        assertEquals(Duration.ofSeconds(2), a.retryDelay());
        assertEquals(Severity.FAIL, a.severity());
        assertEquals(Expectation.EXIT_ZERO, a.expect());
        assertNull(a.when());
        assertNull(t.steps().get(1).run());
        assertEquals("Look.", t.steps().get(1).manual());
    }

    @Test
    void expectPartsBecomeMatches() throws Exception {
        TaskDef t = parse(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"exit\": [0, 3], \"stdout\": \"o\", "
                + "\"stderr\": \"e\", \"output\": \"any\", \"notStdout\": \"no\", \"notOutput\": \"nany\", "
                + "\"json\": {\"pointer\": \"/n\", \"value\": 5}}}"));
        Expectation e = t.steps().get(0).expect();
        assertEquals(Set.of(0, 3), e.exitCodes());
        assertEquals(List.of(new Expectation.Match(Stream.STDOUT, "o"), new Expectation.Match(Stream.STDERR, "e"),
                new Expectation.Match(Stream.ANY, "any")), e.matches());
        assertEquals(List.of(new Expectation.Match(Stream.STDOUT, "no"), new Expectation.Match(Stream.ANY, "nany")), e.notMatches());
        assertEquals(new Expectation.JsonCheck("/n", "==", "5"), e.json());
    }

    @Test
    void conditionsOfEveryKind() throws Exception {
        TaskDef t = parse(task("{\"x\": {}}", "{\"id\": \"a\", \"run\": \"x\"}",
                "{\"id\": \"b\", \"run\": \"x\", \"when\": {\"any\": [{\"param\": \"x\"}, {\"param\": \"x\", \"equals\": \"y\"}, "
                        + "{\"fact\": \"engine:deploy-rs\"}, {\"step\": \"a\", \"status\": [\"failed\", \"absent\"]}]}}"));
        assertEquals(new Condition.Any(List.of(new Condition.ParamIs("x", null), new Condition.ParamIs("x", "y"),
                new Condition.HasFact("engine:deploy-rs"),
                new Condition.StepIs("a", List.of(StepStatus.FAILED, StepStatus.ABSENT)))), t.steps().get(1).when());
    }

    @Test
    void unknownFieldWithSuggestion() {
        String m = error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"stdot\": \"x\"}}"));
        assertEquals("tasks/t.json:3:36: steps[0].expect: unknown field \"stdot\"; did you mean \"stdout\"? (valid: "
                + "absent, exit, json, notOutput, notStderr, notStdout, output, stderr, stdout, threshold)", m);
    }

    @Test
    void unknownStepFieldWithSuggestion() {
        String m = error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"retrys\": 2}"));
        assertEquals("tasks/t.json:3:25: steps[0]: unknown field \"retrys\"; did you mean \"retries\"? (valid: "
                + "expand, expect, fix, id, manual, retries, retryDelay, run, severity, timeout, title, when, where)", m);
    }

    @Test
    void unknownConditionField() {
        String m = error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"when\": {\"tags\": \"gpu\"}}"));
        assertEquals("tasks/t.json:3:34: steps[0].when: unknown field \"tags\"; did you mean \"tag\"? (valid: "
                + "all, any, equals, fact, not, param, status, step, tag)", m);
    }

    @Test
    void duplicateStepId() {
        String m = error(task("{}", "{\"id\": \"a\", \"run\": \"x\"}", "{\"id\": \"a\", \"run\": \"y\"}"));
        assertEquals("tasks/t.json:4:8: step \"a\": id \"a\" is used by an earlier step too", m);
    }

    @Test
    void badRegexShowsTheRegexError() {
        String m = error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"stdout\": \"(unclosed\"}}"));
        assertEquals("tasks/t.json:3:46: step \"a\": expect.stdout /(unclosed/ is not a valid regex: Unclosed group", m);
    }

    @Test
    void unknownOperators() {
        assertEquals("tasks/t.json:3:56: step \"a\": expect.threshold.op \"=>\" is not an operator (== != < <= > >=)",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"threshold\": {\"op\": \"=>\", \"limit\": 1}}}")));
        assertEquals("tasks/t.json:3:68: step \"a\": expect.json.op \"is\" is not an operator (== != < <= > >= exists)",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"json\": {\"pointer\": \"/a\", \"op\": \"is\", \"value\": 1}}}")));
    }

    @Test
    void badLimitUnit() {
        assertEquals("tasks/t.json:3:71: step \"a\": expect.threshold.limit \"5Gib\" has unknown unit \"Gib\"; "
                        + "did you mean \"GiB\"? (units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, s, m, h, d, % or none)",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"threshold\": {\"op\": \">=\", \"limit\": \"5Gib\"}}}")));
    }

    @Test
    void badLimitUnitInAParameterDefault() {
        assertEquals("tasks/t.json:3:71: step \"a\": expect.threshold.limit \"5 gigs\" has unknown unit \"gigs\" "
                        + "(units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, s, m, h, d, % or none)",
                error(task("{\"min\": {\"default\": \"5 gigs\"}}",
                        "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"threshold\": {\"op\": \">=\", \"limit\": \"${min}\"}}}")));
    }

    @Test
    void unknownVariable() {
        assertEquals("tasks/t.json:3:20: step \"a\": run uses ${host.nmae}, which is neither a parameter of this task "
                        + "nor a built-in variable; did you mean \"host.name\"?",
                error(task("{}", "{\"id\": \"a\", \"run\": \"echo ${host.nmae}\"}")));
        assertEquals("tasks/t.json:3:28: step \"a\": run[1] uses ${flake}, which is neither a parameter of this task "
                        + "nor a built-in variable",
                error(task("{}", "{\"id\": \"a\", \"run\": [\"nix\", \"${flake}\"]}")));
    }

    @Test
    void variableInsideQuotesInAScript() throws Exception {
        assertEquals("tasks/t.json:3:20: step \"a\": run puts ${x} inside quotes; values are inserted already "
                        + "shell-quoted, so write it outside them, e.g. \"Bearer \"${x}",
                error(task("{\"x\": {}}", "{\"id\": \"a\", \"run\": \"echo \\\"v=${x}\\\"\"}")));
        assertEquals("tasks/t.json:3:20: step \"a\": run puts ${x} inside quotes; values are inserted already "
                        + "shell-quoted, so write it outside them, e.g. \"Bearer \"${x}",
                error(task("{\"x\": {}}", "{\"id\": \"a\", \"run\": \"echo '${x}'\"}")));
        // Outside quotes, escaped quotes, and literal $${ inside quotes are all fine.
        parse(task("{\"x\": {}}", "{\"id\": \"a\", \"run\": \"echo \\\"a\\\"${x} \\\\'${x} '$${HOME}'\"}"));
    }

    @Test
    void unterminatedVariable() {
        assertEquals("tasks/t.json:3:20: step \"a\": run has an unterminated \"${\" (write \"$${\" for a literal \"${\")",
                error(task("{}", "{\"id\": \"a\", \"run\": \"echo ${x\"}")));
    }

    @Test
    void conditionOnALaterStep() {
        assertEquals("tasks/t.json:3:42: step \"a\": when.step \"b\" comes later; a condition can only look at earlier steps",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"when\": {\"step\": \"b\"}}", "{\"id\": \"b\", \"run\": \"x\"}")));
        assertEquals("tasks/t.json:4:42: step \"b\": when.step \"b\" is this step itself; a condition can only look at earlier steps",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\"}", "{\"id\": \"b\", \"run\": \"x\", \"when\": {\"step\": \"b\"}}")));
    }

    @Test
    void conditionOnAnUnknownStep() {
        assertEquals("tasks/t.json:4:42: step \"b\": when.step \"keys\" is not an earlier step; did you mean \"key\"? "
                        + "(earlier steps: key)",
                error(task("{}", "{\"id\": \"key\", \"run\": \"x\"}", "{\"id\": \"b\", \"run\": \"x\", \"when\": {\"step\": \"keys\"}}")));
    }

    @Test
    void conditionProblems() {
        assertEquals("tasks/t.json:3:42: step \"a\": when.fact \"bakup\" is not a fact; did you mean \"backup\"? (facts: "
                        + "backup, health, engine:nixos-rebuild, engine:deploy-rs, engine:colmena, transport:sshj, "
                        + "transport:openssh, transport:local)",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"when\": {\"fact\": \"bakup\"}}")));
        assertEquals("tasks/t.json:3:33: step \"a\": when has \"tag\" and \"fact\"; give one (combine conditions with \"all\" or \"any\")",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"when\": {\"tag\": \"a\", \"fact\": \"backup\"}}")));
        assertEquals("tasks/t.json:3:43: step \"a\": when.param \"regoin\" is not a parameter of this task; did you mean "
                        + "\"region\"? (parameters: region, zone)",
                error(task("{\"region\": {}, \"zone\": {}}", "{\"id\": \"a\", \"run\": \"x\", \"when\": {\"param\": \"regoin\"}}")));
        assertEquals("tasks/t.json:3:49: step \"a\": when.not.all is empty; give at least one condition",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"when\": {\"not\": {\"all\": []}}}")));
    }

    @Test
    void badStatusInCondition() {
        assertEquals("tasks/t.json:4:58: steps[1].when: status[0] \"running\" is not one of passed, warned, failed, absent, skipped",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\"}",
                        "{\"id\": \"b\", \"run\": \"x\", \"when\": {\"step\": \"a\", \"status\": [\"running\"]}}")));
    }

    @Test
    void idMustMatchTheFileName() {
        assertEquals("tasks/t.json:1:8: id \"other\" does not match the file name \"t.json\"; a task is found by its "
                + "file name, so name the file other.json", error("{\"id\": \"other\", \"steps\": []}"));
    }

    @Test
    void stepKinds() {
        assertEquals("tasks/t.json:3:1: step \"a\" needs one of \"run\" (a command), \"manual\" (instructions for a "
                + "person) or \"expand\": \"health\"", error(task("{}", "{\"id\": \"a\"}")));
        assertEquals("tasks/t.json:3:1: step \"a\" has \"run\" and \"manual\"; give one",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"manual\": \"y\"}")));
        assertEquals("tasks/t.json:3:39: step \"a\": timeout only applies to steps with \"run\"",
                error(task("{}", "{\"id\": \"a\", \"manual\": \"y\", \"timeout\": \"5s\"}")));
        assertEquals("tasks/t.json:3:23: step \"a\": expand \"disks\" is not an expansion (health)",
                error(task("{}", "{\"id\": \"a\", \"expand\": \"disks\"}")));
    }

    @Test
    void wrongKindsOfValue() {
        assertEquals("tasks/t.json:3:20: steps[0]: run is a number; expected a shell script (a string) or a list of argument words",
                error(task("{}", "{\"id\": \"a\", \"run\": 5}")));
        assertEquals("tasks/t.json:3:37: steps[0]: severity \"fatal\" is not one of fail, warn",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"severity\": \"fatal\"}")));
        assertEquals("tasks/t.json:3:36: steps[0]: timeout \"soon\" is not a duration (use a number of seconds or e.g. 90s, 5m, 26h, 1h30m, 2d)",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"timeout\": \"soon\"}")));
        assertEquals("tasks/t.json:3:45: step \"a\": expect.exit[0] 300 is not an exit code (0..255)",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\", \"expect\": {\"exit\": [300]}}")));
    }

    @Test
    void parameterProblems() {
        assertEquals("tasks/t.json:1:58: param \"x\": required cannot be true when there is a \"default\"",
                error(task("{\"x\": {\"default\": \"1\", \"required\": true}}", "{\"id\": \"a\", \"run\": \"x\"}")));
        assertEquals("tasks/t.json:1:30: param \"x\": unknown field \"defualt\"; did you mean \"default\"? "
                        + "(valid: default, description, required, secret)",
                error(task("{\"x\": {\"defualt\": \"1\"}}", "{\"id\": \"a\", \"run\": \"x\"}")));
        assertEquals("tasks/t.json:1:24: param \"a.b\" is not a valid parameter name (use letters, digits, \"_\" and \"-\", "
                        + "starting with a letter or \"_\")",
                error(task("{\"a.b\": {}}", "{\"id\": \"a\", \"run\": \"x\"}")));
    }

    @Test
    void syntaxErrorsAreLocated() {
        assertEquals("tasks/t.json:3:24: trailing comma before \"}\" (JSON allows no comma after the last field)",
                error(task("{}", "{\"id\": \"a\", \"run\": \"x\",}")));
        assertEquals("tasks/t.json:1:1: file is empty; expected a JSON object", error("  "));
    }

    @Test
    void noSteps() {
        assertEquals("tasks/t.json:1:22: steps is empty; a task needs at least one step", error("{\"id\": \"t\", \"steps\": []}"));
        assertEquals("tasks/t.json:1:1: the document has no \"steps\"", error("{\"id\": \"t\"}"));
    }
}

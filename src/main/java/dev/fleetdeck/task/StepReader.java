package dev.fleetdeck.task;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.task.StepDef.RunSpec;
import dev.fleetdeck.task.StepDef.Severity;
import dev.fleetdeck.task.StepDef.Where;
import dev.fleetdeck.task.TaskJson.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks one step and turns it into a {@link StepDef} with every default applied. */
final class StepReader {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    static final int MAX_RETRIES = 100;
    /** What {@code expand} can stand for: one step per health check of the host. */
    static final List<String> EXPANSIONS = List.of("health");

    private final TaskDoc doc;
    private final TemplateChecker templates;
    private final Set<String> params;

    StepReader(TaskDoc doc, TemplateChecker templates, Set<String> params) {
        this.doc = doc;
        this.templates = templates;
        this.params = params;
    }

    /**
     * @param earlier ids of the steps before this one
     * @param all     ids of all steps
     */
    StepDef read(Step s, JsonPath at, List<String> earlier, List<String> all) throws ConfigException {
        List<String> kinds = new ArrayList<>();
        if (s.run() != null) kinds.add("\"run\"");
        if (s.manual() != null) kinds.add("\"manual\"");
        if (s.expand() != null) kinds.add("\"expand\"");
        if (kinds.size() != 1) {
            throw doc.problem(at, kinds.isEmpty() ? "needs one of \"run\" (a command), \"manual\" (instructions for "
                    + "a person) or \"expand\": \"health\"" : "has " + String.join(" and ", kinds) + "; give one");
        }
        if (s.run() == null) onlyWithRun(s, at);
        RunSpec run = s.run() == null ? null : run(s.run(), at.field("run"));
        if (s.manual() != null && s.manual().isBlank()) throw doc.problem(at.field("manual"), "is empty");
        if (s.expand() != null && !EXPANSIONS.contains(s.expand())) {
            throw doc.problem(at.field("expand"), "\"" + s.expand() + "\" is not an expansion (" + String.join(", ", EXPANSIONS) + ")");
        }
        if (s.retries() != null && (s.retries() < 0 || s.retries() > MAX_RETRIES)) {
            throw doc.problem(at.field("retries"), s.retries() + " is outside 0.." + MAX_RETRIES);
        }
        Expectation expect = s.expect() == null ? Expectation.EXIT_ZERO
                : new ExpectReader(doc, templates).read(s.expect(), at.field("expect"));
        Condition when = s.when() == null ? null : new ConditionReader(doc, params, earlier, s.id(), all).read(s.when(), at.field("when"));
        return new StepDef(s.id(), s.title() != null ? s.title() : s.id(),
                s.where() != null ? s.where() : Where.HOST, run, expect,
                s.timeout() != null ? s.timeout() : TIMEOUT,
                s.retries() != null ? s.retries() : 0,
                s.retryDelay() != null ? s.retryDelay() : RETRY_DELAY,
                s.severity() != null ? s.severity() : Severity.FAIL,
                s.manual(), when, s.fix(), s.expand());
    }

    private RunSpec run(RunSpec run, JsonPath at) throws ConfigException {
        if (run instanceof RunSpec.Script script) {
            if (script.script().isBlank()) throw doc.problem(at, "is empty");
            templates.checkScript(script.script(), at);
            return run;
        }
        List<String> words = ((RunSpec.Argv) run).words();
        if (words.isEmpty() || words.get(0).isBlank()) throw doc.problem(at, "needs at least the program to run");
        for (int i = 0; i < words.size(); i++) templates.check(words.get(i), at.index(i));
        return run;
    }

    /**
     * Settings about running a command mean nothing for a manual step or an expansion; say so, not ignore them.
     * An expansion keeps its timeout: it is how long its checks may keep retrying.
     */
    private void onlyWithRun(Step s, JsonPath at) throws ConfigException {
        boolean expansion = s.expand() != null;
        String[] names = {"where", "expect", "timeout", "retries", "retryDelay"};
        Object[] values = {s.where(), s.expect(), expansion ? null : s.timeout(), s.retries(), s.retryDelay()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) throw doc.problem(at.field(names[i]), "only applies to steps with \"run\"");
        }
    }
}

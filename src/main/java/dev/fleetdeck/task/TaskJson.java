package dev.fleetdeck.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetdeck.task.Expectation.Stream;
import dev.fleetdeck.task.StepDef.RunSpec;
import dev.fleetdeck.task.StepDef.Severity;
import dev.fleetdeck.task.StepDef.Where;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A task file exactly as written (see docs/tasks.md); absent fields are {@code null}. {@link TaskReader}
 * checks it and turns it into a {@link TaskDef} with every default applied.
 */
record TaskJson(String id, String title, String description, Map<String, Param> params, List<Step> steps) {

    record Param(@JsonProperty("default") String defaultValue, String description, Boolean required, Boolean secret) {
    }

    /** Exactly one of {@code run}, {@code manual} or {@code expand}. */
    record Step(String id, String title, Where where, RunSpec run, Expect expect, Duration timeout, Integer retries,
                Duration retryDelay, Severity severity, When when, String fix, String manual, String expand) {
    }

    record Expect(List<Integer> exit, String stdout, String stderr, String output, String notStdout,
                  String notStderr, String notOutput, Json json, Threshold threshold, String absent) {
    }

    /** {@code value} may be a string, number or boolean; it is compared as text (numbers numerically). */
    record Json(String pointer, String op, JsonNode value) {
    }

    /** {@code limit} may be a string with a unit or a plain number. */
    record Threshold(Stream stream, String pattern, String op, JsonNode limit) {
    }

    /** Exactly one of the condition kinds; {@code status} goes with {@code step}, {@code equals} with {@code param}. */
    record When(String tag, String fact, String step, List<StepStatus> status, String param, String equals,
                List<When> all, List<When> any, When not) {
    }
}

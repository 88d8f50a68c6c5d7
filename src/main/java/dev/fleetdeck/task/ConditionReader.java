package dev.fleetdeck.task;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.task.TaskJson.When;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a step's {@code when} and turns it into a {@link Condition}. */
final class ConditionReader {

    private final TaskDoc doc;
    private final Set<String> params;
    /** Ids of the steps before the one being read: a condition can only look back. */
    private final List<String> earlier;
    private final String self;
    private final List<String> all;

    /** @param all every step id of the task, to tell a later step from a typo */
    ConditionReader(TaskDoc doc, Set<String> params, List<String> earlier, String self, List<String> all) {
        this.doc = doc;
        this.params = params;
        this.earlier = earlier;
        this.self = self;
        this.all = all;
    }

    Condition read(When w, JsonPath at) throws ConfigException {
        if (w == null) throw doc.problem(at, "is null; expected a condition such as {\"tag\": \"gpu\"}");
        List<String> kinds = kinds(w);
        if (kinds.size() != 1) {
            throw doc.problem(at, kinds.isEmpty()
                    ? "needs one of \"tag\", \"fact\", \"step\", \"param\", \"all\", \"any\" or \"not\""
                    : "has " + String.join(" and ", kinds.stream().map(k -> "\"" + k + "\"").toList())
                      + "; give one (combine conditions with \"all\" or \"any\")");
        }
        if (w.status() != null && w.step() == null) throw doc.problem(at.field("status"), "only goes with \"step\"");
        if (w.equals() != null && w.param() == null) throw doc.problem(at.field("equals"), "only goes with \"param\"");
        if (w.tag() != null) return new Condition.HasTag(nonEmpty(w.tag(), at.field("tag")));
        if (w.fact() != null) return fact(w.fact(), at.field("fact"));
        if (w.step() != null) return step(w, at);
        if (w.param() != null) {
            if (!params.contains(w.param())) {
                throw doc.problem(at.field("param"), "\"" + w.param() + "\" is not a parameter of this task"
                        + TaskDoc.didYouMean(w.param(), params) + " (parameters: " + list(params) + ")");
            }
            return new Condition.ParamIs(w.param(), w.equals());
        }
        if (w.not() != null) return new Condition.Not(read(w.not(), at.field("not")));
        boolean all = w.all() != null;
        List<When> parts = all ? w.all() : w.any();
        JsonPath partsAt = at.field(all ? "all" : "any");
        if (parts.isEmpty()) throw doc.problem(partsAt, "is empty; give at least one condition");
        List<Condition> read = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) read.add(read(parts.get(i), partsAt.index(i)));
        return all ? new Condition.All(read) : new Condition.Any(read);
    }

    private Condition fact(String fact, JsonPath at) throws ConfigException {
        List<String> facts = ConditionEvaluator.facts();
        if (!facts.contains(fact)) {
            throw doc.problem(at, "\"" + fact + "\" is not a fact" + TaskDoc.didYouMean(fact, facts)
                    + " (facts: " + String.join(", ", facts) + ")");
        }
        return new Condition.HasFact(fact);
    }

    private Condition step(When w, JsonPath at) throws ConfigException {
        JsonPath stepAt = at.field("step");
        if (w.step().equals(self)) {
            throw doc.problem(stepAt, "\"" + self + "\" is this step itself; a condition can only look at earlier steps");
        }
        if (all.contains(w.step()) && !earlier.contains(w.step())) {
            throw doc.problem(stepAt, "\"" + w.step() + "\" comes later; a condition can only look at earlier steps");
        }
        if (!earlier.contains(w.step())) {
            String why = earlier.isEmpty() ? "; no step comes before this one"
                    : TaskDoc.didYouMean(w.step(), earlier) + " (earlier steps: " + String.join(", ", earlier) + ")";
            throw doc.problem(stepAt, "\"" + w.step() + "\" is not an earlier step" + why);
        }
        if (w.status() != null && w.status().isEmpty()) throw doc.problem(at.field("status"), "is empty");
        List<StepStatus> statuses = w.status() == null ? List.of(StepStatus.PASSED) : w.status();
        return new Condition.StepIs(w.step(), statuses);
    }

    private String nonEmpty(String value, JsonPath at) throws ConfigException {
        if (value.isBlank()) throw doc.problem(at, "is empty");
        return value;
    }

    private static List<String> kinds(When w) {
        List<String> kinds = new ArrayList<>();
        if (w.tag() != null) kinds.add("tag");
        if (w.fact() != null) kinds.add("fact");
        if (w.step() != null) kinds.add("step");
        if (w.param() != null) kinds.add("param");
        if (w.all() != null) kinds.add("all");
        if (w.any() != null) kinds.add("any");
        if (w.not() != null) kinds.add("not");
        return kinds;
    }

    private static String list(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}

package dev.fleetdeck.task;

import dev.fleetdeck.fleet.DeployEngine;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.fleet.TransportKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decides a step's {@code when} for one host, before the step runs. */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    /**
     * @param params       bound parameter values
     * @param earlierSteps statuses of this host's steps so far; a step not in it has not run (and is no match)
     */
    public static boolean holds(Condition c, Host host, Map<String, String> params, Map<String, StepStatus> earlierSteps) {
        if (c instanceof Condition.HasTag t) return host.hasTag(t.tag());
        if (c instanceof Condition.HasFact f) return fact(f.fact(), host);
        if (c instanceof Condition.StepIs s) {
            StepStatus status = earlierSteps.get(s.stepId());
            return status != null && s.statuses().contains(status);
        }
        if (c instanceof Condition.ParamIs p) {
            String value = params.get(p.param());
            return p.value() == null ? value != null && !value.isEmpty() : p.value().equals(value);
        }
        if (c instanceof Condition.All all) {
            for (Condition each : all.all()) if (!holds(each, host, params, earlierSteps)) return false;
            return true;
        }
        if (c instanceof Condition.Any any) {
            for (Condition each : any.any()) if (holds(each, host, params, earlierSteps)) return true;
            return false;
        }
        return !holds(((Condition.Not) c).not(), host, params, earlierSteps);
    }

    /** Every fact a condition can name, for checking task files. */
    public static List<String> facts() {
        List<String> facts = new ArrayList<>(List.of("backup", "health"));
        for (DeployEngine e : DeployEngine.values()) facts.add("engine:" + e.id());
        for (TransportKind t : TransportKind.values()) facts.add("transport:" + t.id());
        return facts;
    }

    private static boolean fact(String fact, Host host) {
        if (fact.equals("backup")) return host.backup() != null;
        if (fact.equals("health")) return !host.health().isEmpty();
        if (fact.startsWith("engine:")) return host.engine().id().equals(fact.substring("engine:".length()));
        if (fact.startsWith("transport:")) return host.transport().id().equals(fact.substring("transport:".length()));
        return false;
    }
}

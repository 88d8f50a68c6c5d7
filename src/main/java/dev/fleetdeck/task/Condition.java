package dev.fleetdeck.task;

import java.util.List;

/** A {@code when} condition: decides, before a step runs, whether it applies to this host. */
public sealed interface Condition {

    /** The host has this tag. */
    record HasTag(String tag) implements Condition {
    }

    /** A host fact: {@code backup}, {@code health} (has any), {@code engine:<id>}, {@code transport:<id>}. */
    record HasFact(String fact) implements Condition {
    }

    /** An earlier step of this host ended with one of these statuses. */
    record StepIs(String stepId, List<StepStatus> statuses) implements Condition {
    }

    /** A parameter equals a value ({@code value == null}: the parameter is set and not empty). */
    record ParamIs(String param, String value) implements Condition {
    }

    record All(List<Condition> all) implements Condition {
    }

    record Any(List<Condition> any) implements Condition {
    }

    record Not(Condition not) implements Condition {
    }
}

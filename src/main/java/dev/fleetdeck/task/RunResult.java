package dev.fleetdeck.task;

import java.util.List;
import java.util.Map;

/** How a task run ended, per host in selection order. */
public record RunResult(String runId, boolean passed, boolean cancelled, Map<String, List<StepOutcome>> byHost) {

    public RunResult {
        byHost = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byHost));
    }

    /** One step's final state on one host. */
    public record StepOutcome(String stepId, StepStatus status, String message, Integer exitCode) {
    }

    /** The outcome of a step on a host, or null. */
    public StepOutcome step(String host, String stepId) {
        return byHost.getOrDefault(host, List.of()).stream().filter(s -> s.stepId().equals(stepId)).findFirst()
                .orElse(null);
    }
}

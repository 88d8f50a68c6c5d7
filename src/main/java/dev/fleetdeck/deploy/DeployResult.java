package dev.fleetdeck.deploy;

import java.util.List;

/** How a deploy ended on every host, in selection order. */
public record DeployResult(String runId, List<Outcome> outcomes) {

    public DeployResult {
        outcomes = List.copyOf(outcomes);
    }

    /** True only when every host is confirmed (or, for boot/dry-activate, reported). */
    public boolean success() {
        return outcomes.stream().allMatch(o -> o.kind().success());
    }

    public Outcome outcome(String host) {
        return outcomes.stream().filter(o -> o.host().equals(host)).findFirst().orElse(null);
    }
}

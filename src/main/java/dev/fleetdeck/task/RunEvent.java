package dev.fleetdeck.task;

import dev.fleetdeck.transport.OutputLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a task run reports while it runs, in order per host. The CLI prints these, the console renders them,
 * and the history store records them; none of them holds a secret parameter's value.
 */
public sealed interface RunEvent {

    String runId();

    Instant at();

    /** @param params parameter values with secrets already replaced by {@code ***} */
    record RunStarted(String runId, Instant at, String taskId, String taskTitle, List<String> hosts,
                      List<StepInfo> steps, java.util.Map<String, String> params, String user) implements RunEvent {
    }

    /** A step as the checklist shows it before it runs. */
    record StepInfo(String id, String title, boolean manual) {
    }

    /** A step began an attempt; {@code command} is the exact command line (secrets masked), or null. */
    record StepStarted(String runId, Instant at, String host, String stepId, int attempt, String where,
                       String command) implements RunEvent {
    }

    /** A line of a step's output, already stripped of secret values. */
    record StepOutput(String runId, Instant at, String host, String stepId, OutputLine line) implements RunEvent {
    }

    /**
     * @param exitCode the command's exit status, or null (manual, skipped, not started, connection lost)
     * @param message  why it ended as it did, e.g. "free 2.1 GiB < 5 GiB" or "skipped: no YubiKey"
     * @param fix      the step's fix hint when it failed or warned, else null
     */
    record StepFinished(String runId, Instant at, String host, String stepId, StepStatus status, Duration took,
                        Integer exitCode, String message, String fix) implements RunEvent {
    }

    /** @param passed true when no host had a failed/cancelled step */
    record RunFinished(String runId, Instant at, boolean passed, boolean cancelled) implements RunEvent {
    }
}

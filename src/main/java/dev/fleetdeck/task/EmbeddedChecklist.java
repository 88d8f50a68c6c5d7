package dev.fleetdeck.task;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.RunResult.StepOutcome;
import dev.fleetdeck.transport.Transport;
import java.util.List;
import java.util.Map;

/**
 * Runs a task's steps on one host as part of a larger run (a deploy embeds preflight and validate). The steps
 * go through the same {@link HostChecklist} as {@code fleetdeck run}, so expectations, retries, health
 * expansions and events are identical; the caller emits RunStarted/RunFinished and owns the transports.
 */
public final class EmbeddedChecklist {

    private final RunContext run;
    private volatile HostChecklist current;

    /** @throws TaskParamException for an unknown or missing parameter */
    public EmbeddedChecklist(String runId, TaskDef task, Map<String, String> given, RunListener listener)
            throws TaskParamException {
        this.run = new RunContext(runId, task, TaskParams.bind(task, given), listener, ManualConfirmer.NOBODY);
    }

    /** The steps as the checklist shows them before they run. */
    public static List<RunEvent.StepInfo> stepInfos(TaskDef task) {
        return task.steps().stream().map(s -> new RunEvent.StepInfo(s.id(), s.title(), s.manual() != null)).toList();
    }

    /** Runs every step on {@code host}; stops at the first failed step (the rest are reported skipped). */
    public List<StepOutcome> run(Host host, Transport remote, Transport local) throws InterruptedException {
        HostChecklist c = new HostChecklist(run, host, remote, local);
        current = c;
        try {
            c.runAll();
            return c.outcomes();
        } finally {
            current = null;
        }
    }

    /** Reports every step skipped, with {@code why}, without running anything. */
    public static void skipAll(String runId, TaskDef task, String host, String why, RunListener listener) {
        for (StepDef s : task.steps()) {
            listener.on(new RunEvent.StepFinished(runId, java.time.Instant.now(), host, s.id(), StepStatus.SKIPPED,
                    java.time.Duration.ZERO, null, "skipped: " + why, null));
        }
    }

    /** Kills the step command that runs now and skips the rest. */
    public void cancel() {
        run.cancel();
        HostChecklist c = current;
        if (c != null) c.cancelCurrent();
    }

    /** True when no step failed (warnings are fine). */
    public static boolean passed(List<StepOutcome> outcomes) {
        return outcomes.stream().noneMatch(o -> o.status().failure());
    }

    /** The first failed step's "id: message", or null. */
    public static String firstFailure(List<StepOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.status().failure()).findFirst()
                .map(o -> o.stepId() + ": " + o.message()).orElse(null);
    }
}

package dev.fleetdeck.ui;

import dev.fleetdeck.history.LogLine;
import dev.fleetdeck.history.RunRecord;
import dev.fleetdeck.history.RunStatus;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.StepRecord;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.transport.OutputLine;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a recorded run back into the events a live run sends, so a past run goes through exactly the code that
 * shows live ones. Logs keep only a time of day, so replayed lines carry their step's start instant.
 */
final class RunReplay {

    private RunReplay() {
    }

    static void replay(RunRecord r, RunStore store, RunListener l) throws IOException {
        l.on(new RunEvent.RunStarted(r.runId(), r.startedAt(), r.taskId(), title(r), r.hosts(), steps(r),
                r.params(), r.user()));
        for (String host : r.hosts()) {
            for (StepRecord s : r.steps(host)) step(r, host, s, store, l);
        }
        if (r.status() != RunStatus.RUNNING) {
            Instant end = r.finishedAt() != null ? r.finishedAt() : r.startedAt();
            boolean stopped = r.status() == RunStatus.CANCELLED || r.status() == RunStatus.INTERRUPTED;
            l.on(new RunEvent.RunFinished(r.runId(), end, r.status() == RunStatus.PASSED, stopped));
        }
    }

    private static void step(RunRecord r, String host, StepRecord s, RunStore store, RunListener l) throws IOException {
        Instant at = s.startedAt() != null ? s.startedAt() : r.startedAt();
        if (s.startedAt() != null) {
            l.on(new RunEvent.StepStarted(r.runId(), at, host, s.id(), Math.max(1, s.attempt()), s.where(), s.command()));
        }
        for (LogLine line : store.logLines(r.runId(), host, s.id())) {
            l.on(new RunEvent.StepOutput(r.runId(), at, host, s.id(), new OutputLine(line.stream(), line.text(), at)));
        }
        if (s.status() != StepStatus.PENDING && s.status() != StepStatus.RUNNING) {
            l.on(new RunEvent.StepFinished(r.runId(), s.finishedAt() != null ? s.finishedAt() : at, host, s.id(),
                    s.status(), s.duration(), s.exitCode(), s.message(), s.fix()));
        }
    }

    /** The union of every host's steps, in first-seen order (hosts may skip different steps). */
    private static List<RunEvent.StepInfo> steps(RunRecord r) {
        Map<String, RunEvent.StepInfo> all = new LinkedHashMap<>();
        for (String host : r.hosts()) {
            for (StepRecord s : r.steps(host)) all.putIfAbsent(s.id(), new RunEvent.StepInfo(s.id(), s.title(), s.manual()));
        }
        return new ArrayList<>(all.values());
    }

    private static String title(RunRecord r) {
        return (r.title() == null ? r.taskId() : r.title()) + " (" + r.status().id() + ", from history)";
    }
}

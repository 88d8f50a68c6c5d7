package dev.fleetdeck.history;

import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.StepStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One step of one host's checklist as recorded. Times are those of the last attempt.
 *
 * @param where   where the step ran ("remote", "local"), as the runner reported it, or null
 * @param command the command line with secrets masked, or null
 */
public record StepRecord(String id, String title, boolean manual, StepStatus status, int attempt,
                         Instant startedAt, Instant finishedAt, Duration duration, Integer exitCode,
                         String message, String fix, String where, String command) {

    static StepRecord pending(RunEvent.StepInfo info) {
        return new StepRecord(info.id(), info.title(), info.manual(), StepStatus.PENDING, 0,
                null, null, null, null, null, null, null, null);
    }

    StepRecord started(RunEvent.StepStarted e) {
        return new StepRecord(id, title, manual, StepStatus.RUNNING, e.attempt(), e.at(), null, null, null,
                null, null, e.where(), e.command());
    }

    StepRecord finished(RunEvent.StepFinished e) {
        return new StepRecord(id, title, manual, e.status(), attempt, startedAt, e.at(), e.took(), e.exitCode(),
                e.message(), e.fix(), where, command);
    }

    /** As a reader reports it once the recording process has died. */
    StepRecord interrupted() {
        return status == StepStatus.RUNNING ? withStatus(StepStatus.INTERRUPTED) : this;
    }

    private StepRecord withStatus(StepStatus s) {
        return new StepRecord(id, title, manual, s, attempt, startedAt, finishedAt, duration, exitCode, message,
                fix, where, command);
    }
}

package dev.fleetdeck.deploy;

import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.OutputLine;
import dev.fleetdeck.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports the deploy's own steps of one host as the same run events every task emits, so the CLI printer,
 * the console and history show a deploy like any checklist. Remembers which steps finished, so the rest can
 * be reported skipped and the checklist is always complete.
 */
final class StepLog {

    /** How one command ended, with its stdout lines. */
    record Ran(ExecResult result, List<String> stdout, List<String> stderr) {
        boolean ok() {
            return result.ok();
        }

        String last() {
            return stdout.isEmpty() ? "" : stdout.get(stdout.size() - 1).strip();
        }

        /** The value of the first {@code key=value} stdout line, or null. */
        String value(String key) {
            for (String l : stdout) if (l.startsWith(key + "=")) return l.substring(key.length() + 1).strip();
            return null;
        }

        /** The command's own complaint (a FAIL: line, else the last stderr line), else how it ended. */
        String problem() {
            for (String l : stderr) if (l.startsWith("FAIL: ")) return l.substring(6);
            if (!stderr.isEmpty() && !(result instanceof ExecResult.Exited x && x.code() == 0)) {
                return stderr.get(stderr.size() - 1) + " (" + result.describe() + ")";
            }
            return result.describe();
        }
    }

    private final String runId;
    private final String host;
    private final RunListener listener;
    private final Set<String> finished = new HashSet<>();
    private final Map<String, Instant> started = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();

    StepLog(String runId, String host, RunListener listener) {
        this.runId = runId;
        this.host = host;
        this.listener = listener;
    }

    RunListener listener() {
        return listener;
    }

    void start(String stepId, String where, String command) {
        started.putIfAbsent(stepId, Instant.now());
        int attempt = attempts.merge(stepId, 1, Integer::sum);
        listener.on(new RunEvent.StepStarted(runId, Instant.now(), host, stepId, attempt, where, command));
    }

    void say(String stepId, String line) {
        Instant now = Instant.now();
        listener.on(new RunEvent.StepOutput(runId, now, host, stepId,
                new OutputLine(OutputLine.Stream.STDOUT, line, now)));
    }

    /** Runs {@code script} as step output of {@code stepId} (started if it is not yet). */
    Ran run(String stepId, Transport t, String where, String script, Duration timeout) throws InterruptedException {
        start(stepId, where, script);
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        ExecResult r = t.exec(Command.shell(script).withTimeout(timeout), line -> {
            synchronized (out) {
                (line.stream() == OutputLine.Stream.STDERR ? err : out).add(line.text());
            }
            listener.on(new RunEvent.StepOutput(runId, line.at(), host, stepId, line));
        }).await();
        synchronized (out) {
            return new Ran(r, List.copyOf(out), List.copyOf(err));
        }
    }

    void pass(String stepId, String message) {
        finish(stepId, StepStatus.PASSED, null, message);
    }

    void fail(String stepId, Ran ran, String message) {
        Integer code = ran != null && ran.result() instanceof ExecResult.Exited x ? x.code() : null;
        finish(stepId, StepStatus.FAILED, code, message);
    }

    void skip(String stepId, String why) {
        if (!finished.contains(stepId)) finish(stepId, StepStatus.SKIPPED, null, "skipped: " + why);
    }

    boolean done(String stepId) {
        return finished.contains(stepId);
    }

    void markDone(String stepId) {
        finished.add(stepId);
    }

    void finish(String stepId, StepStatus status, Integer exitCode, String message) {
        finished.add(stepId);
        Instant begun = started.getOrDefault(stepId, Instant.now());
        listener.on(new RunEvent.StepFinished(runId, Instant.now(), host, stepId, status,
                Duration.between(begun, Instant.now()), exitCode, message, null));
    }
}

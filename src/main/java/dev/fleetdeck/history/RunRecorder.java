package dev.fleetdeck.history;

import dev.fleetdeck.io.AtomicFiles;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Records runs as their events arrive: run.json is rewritten atomically on every step change, output lines
 * are appended to the step's log. Records only what the events carry, which the runner has already masked.
 * <p>
 * Thread-safe. Each run has its own lock, held for one run.json write; output takes only its step log's
 * lock, so hosts streaming output never wait on each other. A failed write goes to {@code onError} and
 * never into the runner: losing history must not stop a deploy.
 */
public final class RunRecorder implements RunListener {

    private final RunStore store;
    private final ZoneId zone;
    private final Consumer<IOException> onError;
    private final Map<String, ActiveRun> runs = new ConcurrentHashMap<>();

    RunRecorder(RunStore store, ZoneId zone, Consumer<IOException> onError) {
        this.store = store;
        this.zone = zone;
        this.onError = onError;
    }

    @Override
    public void on(RunEvent event) {
        try {
            if (event instanceof RunEvent.RunStarted e) started(e);
            else if (event instanceof RunEvent.StepOutput e) output(e);
            else if (event instanceof RunEvent.StepStarted e) update(e.runId(), e.host(), e.stepId(), s -> s.started(e));
            else if (event instanceof RunEvent.StepFinished e) stepFinished(e);
            else if (event instanceof RunEvent.RunFinished e) finished(e);
        } catch (IOException e) {
            onError.accept(e);
        } catch (IllegalArgumentException e) {
            onError.accept(new IOException("not recorded: " + e.getMessage(), e));
        }
    }

    private void started(RunEvent.RunStarted e) throws IOException {
        RunIds.requireSafe("run id", e.runId());
        Map<String, List<StepRecord>> steps = new LinkedHashMap<>();
        for (String host : e.hosts()) {
            RunIds.requireSafe("host", host);
            steps.put(host, e.steps().stream().map(StepRecord::pending).toList());
        }
        RunRecord record = new RunRecord(e.runId(), e.taskId(), e.taskTitle(), e.hosts(), steps, e.params(),
                e.user(), e.at(), null, RunStatus.RUNNING, RunOwner.current());
        ActiveRun run = new ActiveRun(e.runId(), store.runDir(e.runId()), record);
        if (runs.putIfAbsent(e.runId(), run) != null) throw new IOException("run " + e.runId() + " started twice");
        try {
            store.createRunDir(e.runId());
            synchronized (run) {
                run.save();
            }
        } catch (IOException | RuntimeException failure) {
            runs.remove(e.runId(), run); // nothing to attach later events to: they are dropped, not errors
            throw failure;
        }
    }

    private void update(String runId, String host, String stepId, UnaryOperator<StepRecord> change)
            throws IOException {
        ActiveRun run = runs.get(runId);
        if (run == null) return; // not started through this recorder: nothing to attach it to
        synchronized (run) {
            List<StepRecord> steps = new ArrayList<>(run.record.steps(host));
            int i = indexOf(steps, stepId);
            if (i < 0) throw new IOException(runId + ": no step " + stepId + " on " + host);
            steps.set(i, change.apply(steps.get(i)));
            run.record = run.record.withSteps(host, steps);
            run.save();
        }
    }

    private void stepFinished(RunEvent.StepFinished e) throws IOException {
        try {
            update(e.runId(), e.host(), e.stepId(), s -> s.finished(e));
        } finally {
            // The step's log is complete; a later attempt reopens it for appending.
            ActiveRun run = runs.get(e.runId());
            if (run != null) run.closeLog(e.host(), e.stepId());
        }
    }

    private void output(RunEvent.StepOutput e) throws IOException {
        ActiveRun run = runs.get(e.runId());
        if (run == null) return;
        if (!run.hosts.contains(e.host())) throw new IOException(e.runId() + ": output from unknown host " + e.host());
        StepLog log = run.log(store, e.host(), e.stepId());
        log.append(LogLine.format(e.line().at() != null ? e.line().at() : e.at(), zone, e.line()));
    }

    private void finished(RunEvent.RunFinished e) throws IOException {
        ActiveRun run = runs.remove(e.runId());
        if (run == null) return;
        RunStatus result = e.cancelled() ? RunStatus.CANCELLED : e.passed() ? RunStatus.PASSED : RunStatus.FAILED;
        try {
            synchronized (run) {
                run.record = run.record.finished(e.at(), result);
                run.save();
            }
        } finally {
            run.closeLogs();
        }
    }

    private static int indexOf(List<StepRecord> steps, String stepId) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).id().equals(stepId)) return i;
        return -1;
    }

    /** A run being recorded: its current record (guarded by the ActiveRun's monitor) and open step logs. */
    private static final class ActiveRun {
        private final String runId;
        private final Set<String> hosts;
        private final Path dir;
        private final Map<String, StepLog> logs = new ConcurrentHashMap<>();
        private RunRecord record;

        ActiveRun(String runId, Path dir, RunRecord record) {
            this.runId = runId;
            this.hosts = Set.copyOf(record.hosts());
            this.dir = dir;
            this.record = record;
        }

        void save() throws IOException {
            AtomicFiles.write(dir.resolve(RunStore.RUN_FILE), RunJson.encode(record));
        }

        StepLog log(RunStore store, String host, String stepId) throws IOException {
            String key = host + "/" + stepId;
            StepLog log = logs.get(key);
            if (log != null) return log;
            synchronized (logs) {
                log = logs.get(key);
                if (log == null) {
                    log = new StepLog(store.createLogFile(runId, host, stepId));
                    logs.put(key, log);
                }
                return log;
            }
        }

        void closeLog(String host, String stepId) throws IOException {
            StepLog log = logs.remove(host + "/" + stepId);
            if (log != null) log.close();
        }

        void closeLogs() throws IOException {
            for (StepLog log : logs.values()) log.close();
            logs.clear();
        }
    }
}

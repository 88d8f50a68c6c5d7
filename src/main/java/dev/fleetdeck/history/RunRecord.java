package dev.fleetdeck.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as run.json holds it.
 *
 * @param steps      each host's checklist, in the order of {@code hosts}
 * @param params     parameter values, secrets already masked by the runner
 * @param finishedAt null while running or when interrupted
 * @param owner      the process that recorded it, to tell a live run from a dead one
 */
public record RunRecord(String runId, String taskId, String title, List<String> hosts,
                        Map<String, List<StepRecord>> steps, Map<String, String> params, String user,
                        Instant startedAt, Instant finishedAt, RunStatus status, RunOwner owner) {

    public RunRecord {
        hosts = List.copyOf(hosts);
        Map<String, List<StepRecord>> copy = new LinkedHashMap<>();
        steps.forEach((h, s) -> copy.put(h, List.copyOf(s)));
        steps = Collections.unmodifiableMap(copy);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public List<StepRecord> steps(String host) {
        return steps.getOrDefault(host, List.of());
    }

    public Optional<Duration> duration() {
        return finishedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, finishedAt));
    }

    RunRecord withSteps(String host, List<StepRecord> hostSteps) {
        Map<String, List<StepRecord>> all = new LinkedHashMap<>(steps);
        all.put(host, hostSteps);
        return new RunRecord(runId, taskId, title, hosts, all, params, user, startedAt, finishedAt, status, owner);
    }

    RunRecord finished(Instant at, RunStatus result) {
        return new RunRecord(runId, taskId, title, hosts, steps, params, user, startedAt, at, result, owner);
    }

    /** As a reader reports it when the recording process is gone: interrupted, never rewritten on disk. */
    RunRecord interrupted() {
        Map<String, List<StepRecord>> all = new LinkedHashMap<>();
        steps.forEach((h, s) -> all.put(h, s.stream().map(StepRecord::interrupted).toList()));
        return new RunRecord(runId, taskId, title, hosts, all, params, user, startedAt, finishedAt,
                RunStatus.INTERRUPTED, owner);
    }
}

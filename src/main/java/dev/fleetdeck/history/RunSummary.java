package dev.fleetdeck.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code fleetdeck history}. An unreadable run has only its id, its file and the problem.
 *
 * @param file    the run's run.json
 * @param problem why run.json could not be read, or null
 */
public record RunSummary(String runId, String taskId, String title, List<String> hosts, RunStatus status,
                         Instant startedAt, Instant finishedAt, Path file, String problem) {

    public RunSummary {
        hosts = List.copyOf(hosts);
    }

    static RunSummary of(RunRecord r, Path file) {
        return new RunSummary(r.runId(), r.taskId(), r.title(), r.hosts(), r.status(), r.startedAt(),
                r.finishedAt(), file, null);
    }

    static RunSummary unreadable(String runId, Path file, String problem) {
        return new RunSummary(runId, null, null, List.of(), RunStatus.UNREADABLE, null, null, file, problem);
    }

    public boolean readable() {
        return problem == null;
    }

    public Optional<Duration> duration() {
        return startedAt == null || finishedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, finishedAt));
    }
}

package dev.fleetdeck.ui;

import dev.fleetdeck.history.RunSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The history overlay's lines: runs of this session the store does not hold (exec), then recorded runs. */
final class HistoryLines {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private HistoryLines() {
    }

    static List<String> of(ConsoleModel m, String host, List<RunSummary> stored) {
        Set<String> recorded = stored.stream().map(RunSummary::runId).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        List<RunState> session = new ArrayList<>(m.runs.values());
        java.util.Collections.reverse(session);
        for (RunState r : session) {
            if (recorded.contains(r.id()) || host != null && !r.hosts().contains(host)) continue;
            lines.add(line(r.id(), r.taskId(), r.hosts(), !r.finished() ? "running" : r.cancelled() ? "cancelled"
                    : r.passed() ? "passed" : "FAILED", "this session"));
        }
        for (RunSummary s : stored) {
            if (!s.readable()) {
                lines.add(line(s.runId(), "?", List.of(), "unreadable", s.problem()));
                continue;
            }
            String status = s.status().id();
            lines.add(line(s.runId(), s.taskId(), s.hosts(), status.equals("failed") ? "FAILED" : status,
                    s.startedAt() == null ? "" : STARTED.format(s.startedAt())));
        }
        if (lines.isEmpty()) lines.add("no runs recorded yet" + (host == null ? "" : " on " + host));
        return lines;
    }

    private static String line(String id, String task, List<String> hosts, String status, String when) {
        return String.format("%-32s %-14s %-20s %-11s %s", id, task, String.join(",", hosts), status, when);
    }
}

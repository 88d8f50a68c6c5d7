package dev.fleetdeck.ui;

import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.text.TerminalSanitizer;
import dev.fleetdeck.transport.OutputLine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run as the console shows it: the checklist (step × host) and one output pane per host. */
public final class RunState {

    /** One checklist cell. */
    public record Cell(StepStatus status, Instant started, Duration took, String message) {
        static final Cell PENDING = new Cell(StepStatus.PENDING, null, null, null);
    }

    private final RunEvent.RunStarted start;
    private final Map<String, Map<String, Cell>> cells = new HashMap<>();
    private final Map<String, OutputPane> panes = new LinkedHashMap<>();
    private RunEvent.RunFinished finish;

    RunState(RunEvent.RunStarted start, int paneCapacity) {
        this.start = start;
        for (String h : start.hosts()) {
            panes.put(h, new OutputPane(h, paneCapacity));
            cells.put(h, new HashMap<>());
        }
    }

    public String id() {
        return start.runId();
    }

    public String taskId() {
        return start.taskId();
    }

    public String title() {
        return start.taskTitle();
    }

    public Instant startedAt() {
        return start.at();
    }

    public List<String> hosts() {
        return start.hosts();
    }

    public List<RunEvent.StepInfo> steps() {
        return start.steps();
    }

    public Cell cell(String host, String stepId) {
        Map<String, Cell> m = cells.get(host);
        return m == null ? Cell.PENDING : m.getOrDefault(stepId, Cell.PENDING);
    }

    public OutputPane pane(String host) {
        return panes.get(host);
    }

    public List<OutputPane> panes() {
        return List.copyOf(panes.values());
    }

    public boolean finished() {
        return finish != null;
    }

    public boolean passed() {
        return finish != null && finish.passed();
    }

    public boolean cancelled() {
        return finish != null && finish.cancelled();
    }

    public Duration elapsed(Instant now) {
        return Duration.between(start.at(), finish != null ? finish.at() : now);
    }

    /** Applies an event of this run; returns the exact command to log, or null. */
    String apply(RunEvent e) {
        if (e instanceof RunEvent.StepStarted s) {
            cells.computeIfAbsent(s.host(), h -> new HashMap<>())
                    .put(s.stepId(), new Cell(StepStatus.RUNNING, s.at(), null, null));
            OutputPane p = pane(s.host());
            String what = "── " + s.stepId() + (s.attempt() > 1 ? " (attempt " + s.attempt() + ")" : "");
            if (p != null) p.append("\u001b[2m" + what + "\u001b[0m");
            return s.command();
        }
        if (e instanceof RunEvent.StepOutput o) {
            OutputPane p = pane(o.host());
            if (p != null) {
                String text = o.line().text();
                // stderr is marked with a red bar; the text keeps its own colours
                p.append(o.line().stream() == OutputLine.Stream.STDERR ? "\u001b[31m▌\u001b[0m" + text : text);
            }
        } else if (e instanceof RunEvent.StepFinished f) {
            Cell prev = cell(f.host(), f.stepId());
            cells.computeIfAbsent(f.host(), h -> new HashMap<>())
                    .put(f.stepId(), new Cell(f.status(), prev.started(), f.took(), f.message()));
            OutputPane p = pane(f.host());
            if (p != null && f.message() != null && !f.message().isEmpty()) {
                p.append("\u001b[2m   → " + f.status().name().toLowerCase() + ": "
                        + TerminalSanitizer.plain(f.message()) + "\u001b[0m");
            }
        } else if (e instanceof RunEvent.RunFinished f) {
            finish = f;
        }
        return null;
    }
}

package dev.fleetdeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.text.TerminalSanitizer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code run --json}: one JSON object per event and line, output text without escape sequences. */
final class JsonRunEvents implements RunListener {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintWriter out;

    JsonRunEvents(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void on(RunEvent e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("event", kind(e));
        o.put("run", e.runId());
        o.put("at", e.at().toString());
        if (e instanceof RunEvent.RunStarted s) {
            o.put("task", s.taskId());
            o.put("hosts", s.hosts());
            o.put("steps", s.steps().stream().map(RunEvent.StepInfo::id).toList());
            o.put("params", s.params());
        } else if (e instanceof RunEvent.StepStarted s) {
            o.put("host", s.host());
            o.put("step", s.stepId());
            o.put("attempt", s.attempt());
            o.put("command", s.command());
        } else if (e instanceof RunEvent.StepOutput s) {
            o.put("host", s.host());
            o.put("step", s.stepId());
            o.put("stream", s.line().stream().name().toLowerCase());
            o.put("text", TerminalSanitizer.plain(s.line().text()));
        } else if (e instanceof RunEvent.StepFinished s) {
            o.put("host", s.host());
            o.put("step", s.stepId());
            o.put("status", s.status().name().toLowerCase());
            o.put("ms", s.took().toMillis());
            o.put("exitCode", s.exitCode());
            o.put("message", s.message() == null ? null : TerminalSanitizer.plain(s.message()));
            o.put("fix", s.fix());
        } else if (e instanceof RunEvent.RunFinished s) {
            o.put("passed", s.passed());
            o.put("cancelled", s.cancelled());
        }
        try {
            out.println(MAPPER.writeValueAsString(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
        out.flush();
    }

    private static String kind(RunEvent e) {
        if (e instanceof RunEvent.RunStarted) return "run-started";
        if (e instanceof RunEvent.StepStarted) return "step-started";
        if (e instanceof RunEvent.StepOutput) return "output";
        if (e instanceof RunEvent.StepFinished) return "step-finished";
        return "run-finished";
    }
}

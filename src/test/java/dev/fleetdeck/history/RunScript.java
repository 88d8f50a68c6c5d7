package dev.fleetdeck.history;

import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.transport.OutputLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Emits the events of a synthetic run, as a task runner would, to a listener. Times are given by the test. */
public record RunScript(RunListener listener, String runId) {

    public void start(Instant at, String task, List<String> hosts, Map<String, String> params, String... steps) {
        List<RunEvent.StepInfo> infos = Arrays.stream(steps)
                .map(s -> new RunEvent.StepInfo(s, "Title of " + s, s.startsWith("manual"))).toList();
        listener.on(new RunEvent.RunStarted(runId, at, task, "Task " + task, hosts, infos, params, "ops"));
    }

    public void step(Instant at, String host, String step, int attempt) {
        listener.on(new RunEvent.StepStarted(runId, at, host, step, attempt, "remote", "check " + step));
    }

    public void out(Instant at, String host, String step, String text) {
        line(at, host, step, OutputLine.Stream.STDOUT, text);
    }

    public void err(Instant at, String host, String step, String text) {
        line(at, host, step, OutputLine.Stream.STDERR, text);
    }

    private void line(Instant at, String host, String step, OutputLine.Stream stream, String text) {
        listener.on(new RunEvent.StepOutput(runId, at, host, step, new OutputLine(stream, text, at)));
    }

    public void finish(Instant at, String host, String step, StepStatus status, Duration took, Integer exit,
                       String message, String fix) {
        listener.on(new RunEvent.StepFinished(runId, at, host, step, status, took, exit, message, fix));
    }

    public void end(Instant at, boolean passed, boolean cancelled) {
        listener.on(new RunEvent.RunFinished(runId, at, passed, cancelled));
    }
}

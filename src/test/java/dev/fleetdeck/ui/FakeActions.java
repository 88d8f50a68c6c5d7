package dev.fleetdeck.ui;

import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.transport.OutputLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Emits run events like the task runner would, synchronously, so tests control every step. */
final class FakeActions implements Actions {

    final List<String> started = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();
    /** When false, runs stay running until {@link #finish} is called. */
    boolean autoFinish = true;
    int outputLines = 3;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, List<String>> fleetHosts;
    RunListener last;
    String lastRunId;

    /** @param fleetHosts what a selection expands to, by expression */
    FakeActions(Map<String, List<String>> fleetHosts) {
        this.fleetHosts = fleetHosts;
    }

    @Override
    public Running runTask(String taskId, String selection, Map<String, String> params, RunListener l)
            throws ActionException {
        if (!taskIds().contains(taskId)) throw new ActionException("no task \"" + taskId + "\"");
        started.add("run " + taskId + " " + selection + " " + params);
        List<RunEvent.StepInfo> steps = List.of(new RunEvent.StepInfo("ssh", "SSH reachable", false),
                new RunEvent.StepInfo("disk", "Free disk space", false),
                new RunEvent.StepInfo("units", "No failed units", false));
        return emit(taskId, selection, steps, l, "echo check");
    }

    @Override
    public Running deploy(String selection, String goal, RunListener l) {
        started.add("deploy " + selection + " " + goal);
        return emit("deploy", selection, List.of(new RunEvent.StepInfo("arm", "Arm the rollback guard", false)), l,
                "systemd-run --on-active=90s …");
    }

    @Override
    public Running exec(String selection, String command, RunListener l) {
        started.add("exec " + selection + " -- " + command);
        return emit("exec", selection, List.of(new RunEvent.StepInfo("cmd", command, false)), l, command);
    }

    private Running emit(String task, String selection, List<RunEvent.StepInfo> steps, RunListener l, String cmd) {
        String id = "r" + ids.incrementAndGet();
        List<String> hosts = fleetHosts.getOrDefault(selection, List.of(selection));
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        l.on(new RunEvent.RunStarted(id, t, task, task + " title", hosts, steps, Map.of(), "tester"));
        for (String h : hosts) {
            for (RunEvent.StepInfo s : steps) {
                l.on(new RunEvent.StepStarted(id, t, h, s.id(), 1, "remote", cmd));
                for (int i = 0; i < outputLines; i++) {
                    l.on(new RunEvent.StepOutput(id, t, h, s.id(),
                            new OutputLine(OutputLine.Stream.STDOUT, h + " " + s.id() + " line " + i, t)));
                }
                if (autoFinish) {
                    l.on(new RunEvent.StepFinished(id, t, h, s.id(), StepStatus.PASSED, Duration.ofMillis(1200), 0, null, null));
                }
            }
        }
        if (autoFinish) l.on(new RunEvent.RunFinished(id, t, true, false));
        last = l;
        lastRunId = id;
        return new Running() {
            public String runId() {
                return id;
            }

            public void cancel() {
                cancelled.add(id);
            }
        };
    }

    void finish(String id) {
        last.on(new RunEvent.RunFinished(id, Instant.parse("2025-01-01T00:00:05Z"), true, false));
    }

    @Override
    public List<String> taskIds() {
        return List.of("preflight", "deploy", "validate", "rollback");
    }

    @Override
    public List<String> taskParams(String taskId) {
        return taskId.equals("deploy") ? List.of("goal", "engine") : List.of();
    }
}

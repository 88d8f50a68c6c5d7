package dev.fleetdeck.ui;

import dev.fleetdeck.fleet.Fleet;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.fleet.Selection;
import dev.fleetdeck.fleet.SelectionException;
import dev.fleetdeck.history.RunLookupException;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.RunSummary;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.FleetExec;
import dev.fleetdeck.transport.HostProbe;
import dev.fleetdeck.transport.OutputLine;
import dev.fleetdeck.transport.SshSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The console's actions on a real fleet: {@code exec} through the transports (reported as a one-step run), host
 * probes, and tasks through a {@link TaskStarter} — the seam where the task runner plugs in.
 */
public final class FleetActions implements Actions {

    /** Starts a safe deploy; the CLI adapts the deployer to this. */
    public interface DeployStarter {
        Running start(List<Host> hosts, String goal, RunListener listener) throws ActionException;
    }

    /** Starts a task; the CLI adapts {@code TaskRunner.start(...)} to this. */
    public interface TaskStarter {
        Running start(String taskId, List<Host> hosts, Map<String, String> params, RunListener listener)
                throws ActionException;

        List<String> taskIds();

        default List<String> params(String taskId) {
            return List.of();
        }
    }

    private final Fleet fleet;
    private final SshSettings ssh;
    private final int parallel;
    private final TaskStarter tasks;
    private final RunStore history;
    private final AtomicInteger ids = new AtomicInteger();

    /** @param tasks the task runner, or null when this build has none (run then says so) */
    public FleetActions(Fleet fleet, SshSettings ssh, int parallel, TaskStarter tasks) {
        this(fleet, ssh, parallel, tasks, null);
    }

    /** @param history the run store {@code history} and {@code show} read, or null for this session's runs only */
    public FleetActions(Fleet fleet, SshSettings ssh, int parallel, TaskStarter tasks, RunStore history) {
        this.fleet = fleet;
        this.ssh = ssh;
        this.parallel = parallel;
        this.tasks = tasks;
        this.history = history;
    }

    @Override
    public List<RunSummary> pastRuns(Optional<String> host, int limit) throws ActionException {
        if (history == null) return List.of();
        try {
            return history.list(host, limit);
        } catch (IOException e) {
            throw new ActionException("cannot read run history " + history.root() + ": " + e.getMessage());
        }
    }

    @Override
    public void replay(String runIdOrPrefix, RunListener listener) throws ActionException {
        if (history == null) {
            Actions.super.replay(runIdOrPrefix, listener); // says there is no history
            return;
        }
        try {
            RunReplay.replay(history.load(runIdOrPrefix), history, listener);
        } catch (RunLookupException | IOException e) {
            throw new ActionException(e.getMessage());
        }
    }

    private volatile DeployStarter deploys;

    /** Enables {@code deploy} from the prompt. */
    public FleetActions withDeploys(DeployStarter starter) {
        this.deploys = starter;
        return this;
    }

    @Override
    public Running deploy(String selection, String goal, RunListener listener) throws ActionException {
        if (deploys == null) throw new ActionException("deploy is not available in this build");
        return deploys.start(select(selection), goal, listener);
    }

    @Override
    public Running runTask(String taskId, String selection, Map<String, String> params, RunListener listener)
            throws ActionException {
        if (tasks == null) throw new ActionException("tasks are not available in this build; exec works");
        return tasks.start(taskId, select(selection), params, listener);
    }

    @Override
    public List<String> taskIds() {
        return tasks == null ? List.of() : tasks.taskIds();
    }

    @Override
    public List<String> taskParams(String taskId) {
        return tasks == null ? List.of() : tasks.params(taskId);
    }

    @Override
    public Running exec(String selection, String command, RunListener l) throws ActionException {
        List<Host> hosts = select(selection);
        String id = "e" + ids.incrementAndGet();
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread worker = new Thread(() -> execAll(id, hosts, command, l, cancelled), "fleetdeck-exec-" + id);
        worker.setDaemon(true);
        l.on(new RunEvent.RunStarted(id, Instant.now(), "exec", command, hosts.stream().map(Host::name).toList(),
                List.of(new RunEvent.StepInfo("cmd", command, false)), Map.of(), System.getProperty("user.name")));
        worker.start();
        return new Running() {
            public String runId() {
                return id;
            }

            public void cancel() {
                cancelled.set(true);
                worker.interrupt(); // FleetExec cancels every running command when interrupted
            }
        };
    }

    private void execAll(String id, List<Host> hosts, String command, RunListener l, AtomicBoolean cancelled) {
        Instant start = Instant.now();
        for (Host h : hosts) l.on(new RunEvent.StepStarted(id, start, h.name(), "cmd", 1, "remote", command));
        boolean passed;
        try {
            Map<Host, ExecResult> results = FleetExec.run(hosts, Command.shell(command), ssh, parallel, new FleetExec.Listener() {
                @Override
                public void line(Host host, OutputLine line) {
                    l.on(new RunEvent.StepOutput(id, line.at(), host.name(), "cmd", line));
                }

                @Override
                public void finished(Host host, ExecResult r) {
                    StepStatus s = r.ok() ? StepStatus.PASSED : r instanceof ExecResult.Cancelled ? StepStatus.CANCELLED
                            : StepStatus.FAILED;
                    Integer code = r instanceof ExecResult.Exited e ? e.code() : null;
                    l.on(new RunEvent.StepFinished(id, Instant.now(), host.name(), "cmd", s,
                            Duration.between(start, Instant.now()), code, r.describe(), null));
                }
            });
            passed = results.values().stream().allMatch(ExecResult::ok);
        } catch (InterruptedException e) {
            passed = false;
        }
        l.on(new RunEvent.RunFinished(id, Instant.now(), passed && !cancelled.get(), cancelled.get()));
    }

    @Override
    public void probe(Consumer<HostStatus> sink) {
        Thread t = new Thread(() -> {
            for (HostProbe.Result r : HostProbe.probeAll(fleet.hosts(), ssh)) {
                Host h = r.host();
                sink.accept(r.reachable()
                        ? new HostStatus(h.name(), h.tags(), HostStatus.State.UP, r.latency().toMillis() + " ms")
                        : new HostStatus(h.name(), h.tags(), HostStatus.State.DOWN, r.failure().getMessage()));
            }
        }, "fleetdeck-probe-all");
        t.setDaemon(true);
        t.start();
    }

    private List<Host> select(String selection) throws ActionException {
        try {
            return Selection.select(fleet, selection);
        } catch (SelectionException e) {
            throw new ActionException(e.getMessage());
        }
    }
}

package dev.fleetdeck.task;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.RunResult.StepOutcome;
import dev.fleetdeck.transport.LocalTransport;
import dev.fleetdeck.transport.SshSettings;
import dev.fleetdeck.transport.Transport;
import dev.fleetdeck.transport.Transports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs a task on several hosts at once (at most {@code parallel}), each host's steps in order, and reports
 * everything as {@link RunEvent}s. Front ends and the history store are listeners; the runner knows neither.
 */
public final class TaskRunner {

    private final ManualConfirmer manual;
    private final int parallel;
    private final Function<Host, Transport> transports;
    private final Function<String, String> runIds;

    public TaskRunner(SshSettings ssh, ManualConfirmer manual, int parallel) {
        this(host -> Transports.open(host, ssh), manual, parallel, RunIds::next);
    }

    public TaskRunner(Function<Host, Transport> transports, ManualConfirmer manual, int parallel,
                      Function<String, String> runIds) {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1");
        this.transports = transports;
        this.manual = manual;
        this.parallel = parallel;
        this.runIds = runIds;
    }

    /** The same runner taking new run ids from {@code ids} (task id → run id), e.g. the history store's. */
    public TaskRunner withRunIds(Function<String, String> ids) {
        return new TaskRunner(transports, manual, parallel, ids);
    }

    /**
     * Starts the run and returns at once.
     *
     * @param given parameter values as the operator gave them; defaults are applied here
     * @throws TaskParamException for an unknown parameter or a missing required one
     */
    public RunHandle start(TaskDef task, List<Host> hosts, Map<String, String> given, RunListener listener)
            throws TaskParamException {
        Map<String, String> params = TaskParams.bind(task, given);
        RunContext run = new RunContext(runIds.apply(task.id()), task, params, listener, manual);
        List<RunEvent.StepInfo> steps = task.steps().stream()
                .map(s -> new RunEvent.StepInfo(s.id(), s.title(), s.manual() != null)).toList();
        listener.on(new RunEvent.RunStarted(run.id(), Instant.now(), task.id(), task.title(),
                hosts.stream().map(Host::name).toList(), steps, run.shownParams(), System.getProperty("user.name")));

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, hosts.size())), r -> {
            Thread t = new Thread(r, "fleetdeck-run-" + task.id());
            t.setDaemon(true);
            return t;
        });
        List<HostChecklist> checklists = new ArrayList<>();
        List<CompletableFuture<List<StepOutcome>>> perHost = new ArrayList<>();
        LocalTransport local = new LocalTransport();
        for (Host h : hosts) {
            perHost.add(CompletableFuture.supplyAsync(() -> {
                try (Transport remote = transports.apply(h)) {
                    HostChecklist c = new HostChecklist(run, h, remote, local);
                    synchronized (checklists) {
                        checklists.add(c);
                    }
                    if (run.cancelled()) c.cancelCurrent();
                    c.runAll();
                    return c.outcomes();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of(new StepOutcome("(runner)", StepStatus.CANCELLED, "interrupted", null));
                }
            }, pool).exceptionally(x -> List.of(
                    new StepOutcome("(runner)", StepStatus.FAILED, "internal error: " + x.getCause(), null))));
        }
        pool.shutdown();
        CompletableFuture<RunResult> done = CompletableFuture.allOf(perHost.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    Map<String, List<StepOutcome>> byHost = new LinkedHashMap<>();
                    for (int i = 0; i < hosts.size(); i++) byHost.put(hosts.get(i).name(), perHost.get(i).join());
                    boolean passed = !run.cancelled() && byHost.values().stream().flatMap(List::stream)
                            .noneMatch(o -> o.status().failure());
                    listener.on(new RunEvent.RunFinished(run.id(), Instant.now(), passed, run.cancelled()));
                    return new RunResult(run.id(), passed, run.cancelled(), byHost);
                });
        return new RunHandle() {
            @Override
            public String runId() {
                return run.id();
            }

            @Override
            public CompletableFuture<RunResult> done() {
                return done;
            }

            @Override
            public void cancel() {
                run.cancel();
                synchronized (checklists) {
                    checklists.forEach(HostChecklist::cancelCurrent);
                }
            }
        };
    }
}

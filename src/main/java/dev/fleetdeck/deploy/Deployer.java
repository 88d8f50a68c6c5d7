package dev.fleetdeck.deploy;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.transport.SshSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Deploys to several hosts, at most {@code parallel} at once, as one run with one checklist per host. The
 * first rollback (or unknown outcome) stops hosts that have not activated yet, unless keepGoing; a host that
 * is activating always finishes its pipeline, since stopping it halfway is what this tool exists to prevent.
 */
public final class Deployer {

    private final SshSettings ssh;
    private final LocalTools tools;
    private final TaskDef preflight;
    private final TaskDef validate;
    private final Function<String, String> runIds;

    /**
     * @param preflight the preflight task (normally the built-in), run embedded before the build
     * @param validate  the validate task, run embedded over a fresh connection after activation
     * @param runIds    task id → new run id (the history store's, so the run is recorded like any other)
     */
    public Deployer(SshSettings ssh, LocalTools tools, TaskDef preflight, TaskDef validate,
                    Function<String, String> runIds) {
        this.ssh = ssh;
        this.tools = tools;
        this.preflight = preflight;
        this.validate = validate;
        this.runIds = runIds;
    }

    /** Starts the deploy and returns at once; the future completes when every host has an outcome. */
    public CompletableFuture<DeployResult> start(List<Host> hosts, DeployOptions options, RunListener listener) {
        String runId = runIds.apply("deploy");
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("goal", options.goal().id());
        if (options.engine() != null) shown.put("engine", options.engine().id());
        shown.put("flake", String.valueOf(options.flake()));
        listener.on(new RunEvent.RunStarted(runId, Instant.now(), "deploy", "Safe deploy (" + options.goal().id()
                + ")", hosts.stream().map(Host::name).toList(), DeploySteps.all(preflight, validate), shown,
                System.getProperty("user.name")));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallel(), Math.max(1, hosts.size())),
                r -> {
                    Thread t = new Thread(r, "fleetdeck-deploy");
                    t.setDaemon(true);
                    return t;
                });
        List<CompletableFuture<Outcome>> perHost = new ArrayList<>();
        for (Host h : hosts) {
            perHost.add(CompletableFuture.supplyAsync(() -> {
                Outcome o = new HostDeploy(runId, h, options, ssh, tools, preflight, validate,
                        new StepLog(runId, h.name(), listener), stop::get).run();
                if (!options.keepGoing() && (o.kind() == Outcome.Kind.ROLLED_BACK || o.kind() == Outcome.Kind.UNKNOWN)) {
                    stop.set(true);
                }
                return o;
            }, pool));
        }
        pool.shutdown();
        return CompletableFuture.allOf(perHost.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            DeployResult result = new DeployResult(runId, perHost.stream().map(CompletableFuture::join).toList());
            listener.on(new RunEvent.RunFinished(runId, Instant.now(), result.success(), false));
            return result;
        });
    }
}

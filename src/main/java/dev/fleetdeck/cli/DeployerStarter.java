package dev.fleetdeck.cli;

import dev.fleetdeck.deploy.DeployOptions;
import dev.fleetdeck.deploy.Deployer;
import dev.fleetdeck.deploy.Goal;
import dev.fleetdeck.deploy.LocalTools;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.TaskCatalog;
import dev.fleetdeck.transport.SshSettings;
import dev.fleetdeck.ui.Actions;
import dev.fleetdeck.ui.FleetActions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Lets the console start safe deploys; each is recorded in history and ticks the checklist like a task run. */
final class DeployerStarter implements FleetActions.DeployStarter {

    private final Deployer deployer;
    private final Path flake;
    private final RunStore store;
    private final TodoTicking todo;

    DeployerStarter(SshSettings ssh, TaskCatalog catalog, Path flake, RunStore store, TodoTicking todo)
            throws Exception {
        this.deployer = new Deployer(ssh, LocalTools.system(System.getenv()), catalog.get("preflight"),
                catalog.get("validate"), store::newRunId);
        this.flake = flake;
        this.store = store;
        this.todo = todo;
    }

    @Override
    public Actions.Running start(List<Host> hosts, String goal, RunListener listener) throws Actions.ActionException {
        DeployOptions options;
        try {
            options = DeployOptions.defaults(flake.toAbsolutePath()).withGoal(Goal.fromId(goal));
        } catch (IllegalArgumentException e) {
            throw new Actions.ActionException(e.getMessage());
        }
        AtomicReference<String> runId = new AtomicReference<>();
        RunListener id = e -> {
            if (e instanceof RunEvent.RunStarted s) runId.set(s.runId());
        };
        deployer.start(hosts, options, RunListener.all(id, store.recorder(e -> { }),
                RunnerTaskStarter.ticking(todo, "deploy", hosts), listener));
        return new Actions.Running() {
            @Override
            public String runId() {
                return runId.get();
            }

            /** The guard on each host decides; fleetdeck never stops a deploy half-way. */
            @Override
            public void cancel() {
            }
        };
    }
}

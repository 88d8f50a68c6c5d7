package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.task.RunHandle;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.TaskCatalog;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.task.TaskRunner;
import dev.fleetdeck.ui.Actions;
import dev.fleetdeck.ui.FleetActions;
import java.util.List;
import java.util.Map;

/** Lets the console start checklist tasks with the real runner; every run is recorded in history too. */
final class RunnerTaskStarter implements FleetActions.TaskStarter {

    private final TaskCatalog catalog;
    private final TaskRunner runner;
    private final RunStore store;

    RunnerTaskStarter(TaskCatalog catalog, TaskRunner runner, RunStore store) {
        this.catalog = catalog;
        this.runner = runner.withRunIds(store::newRunId);
        this.store = store;
    }

    @Override
    public Actions.Running start(String taskId, List<Host> hosts, Map<String, String> params, RunListener listener)
            throws Actions.ActionException {
        TaskDef task;
        RunHandle handle;
        try {
            task = catalog.get(taskId);
            // The console must not die on a history write problem; it just keeps running without it.
            handle = runner.start(task, hosts, params, RunListener.all(store.recorder(e -> { }), listener));
        } catch (Exception e) {
            throw new Actions.ActionException(e.getMessage());
        }
        return new Actions.Running() {
            @Override
            public String runId() {
                return handle.runId();
            }

            @Override
            public void cancel() {
                handle.cancel();
            }
        };
    }

    @Override
    public List<String> taskIds() {
        return catalog.all().stream().map(TaskDef::id).toList();
    }

    @Override
    public List<String> params(String taskId) {
        return catalog.find(taskId).map(t -> List.copyOf(t.params().keySet())).orElse(List.of());
    }
}

package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunHandle;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.TaskCatalog;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.task.TaskRunner;
import dev.fleetdeck.ui.Actions;
import dev.fleetdeck.ui.FleetActions;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Lets the console start checklist tasks with the real runner; every run is recorded in history too. */
final class RunnerTaskStarter implements FleetActions.TaskStarter {

    private final TaskCatalog catalog;
    private final TaskRunner runner;
    private final RunStore store;
    private final TodoTicking todo;

    RunnerTaskStarter(TaskCatalog catalog, TaskRunner runner, RunStore store) {
        this(catalog, runner, store, null);
    }

    /** @param todo ticks the TODO checklist after each run, or null */
    RunnerTaskStarter(TaskCatalog catalog, TaskRunner runner, RunStore store, TodoTicking todo) {
        this.catalog = catalog;
        this.runner = runner.withRunIds(store::newRunId);
        this.store = store;
        this.todo = todo;
    }

    @Override
    public Actions.Running start(String taskId, List<Host> hosts, Map<String, String> params, RunListener listener)
            throws Actions.ActionException {
        TaskDef task;
        RunHandle handle;
        try {
            task = catalog.get(taskId);
            // The console must not die on a history write problem; it just keeps running without it.
            // Ticking comes after the recorder, so a deploy count includes this run, and before the console, so
            // the TODO view's next poll already sees the ticks.
            handle = runner.start(task, hosts, params, RunListener.all(store.recorder(e -> { }), ticking(task.id(), hosts), listener));
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

    private RunListener ticking(String taskId, List<Host> hosts) {
        return ticking(todo, taskId, hosts);
    }

    /** Ticks the checklist's linked items when the run ends; never disturbs the run or the console. */
    static RunListener ticking(TodoTicking todo, String taskId, List<Host> hosts) {
        if (todo == null) return e -> { };
        List<String> names = hosts.stream().map(Host::name).toList();
        return e -> {
            if (e instanceof RunEvent.RunFinished f) {
                try {
                    todo.runFinished(taskId, names, f.passed());
                } catch (IOException | RuntimeException ex) {
                    // the console owns the terminal; a checklist it cannot write must not disturb the run
                }
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

package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Fleet;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.fleet.Selection;
import dev.fleetdeck.fleet.SelectionException;
import dev.fleetdeck.history.RunRecord;
import dev.fleetdeck.history.RunStatus;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.RunSummary;
import dev.fleetdeck.history.StepRecord;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.todo.TodoItem;
import dev.fleetdeck.todo.TodoTicker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After a task run: ticks the TODO items it completes, and metric items ({@code deploys HOST >= N}) whose count
 * history now reaches. Called once the run is recorded, so the run itself counts. Only ever ticks.
 */
final class TodoTicking {

    /** The task whose passing runs {@code deploys} counts. */
    static final String DEPLOY_TASK = "deploy";
    static final String DEPLOYS = "deploys";
    private static final Set<StepStatus> OK = EnumSet.of(StepStatus.PASSED, StepStatus.WARNED, StepStatus.SKIPPED,
            StepStatus.ABSENT);

    private final TodoTicker ticker;
    private final RunStore store;

    TodoTicking(Path file, Fleet fleet, RunStore store) {
        this.ticker = new TodoTicker(file, term -> hosts(fleet, term));
        this.store = store;
    }

    /** The items now ticked, in file order: the run's own, then metrics. */
    List<TodoItem> runFinished(String taskId, Collection<String> hosts, boolean passed) throws IOException {
        List<TodoItem> ticked = new ArrayList<>(ticker.runFinished(
                new TodoTicker.FinishedRun(taskId, Set.copyOf(hosts), passed)));
        if (passed && taskId.equals(DEPLOY_TASK)) ticked.addAll(ticker.metricsChanged(this::count));
        return ticked;
    }

    private long count(String kind, String host) {
        if (!kind.equals(DEPLOYS)) return 0;
        try {
            return deploysPassed(store, host);
        } catch (IOException e) {
            return 0; // an unreadable store ticks nothing rather than guessing
        }
    }

    /** Recorded runs of {@code deploy} that passed on {@code host} (in a run that failed elsewhere, too). */
    static long deploysPassed(RunStore store, String host) throws IOException {
        long n = 0;
        for (RunSummary s : store.list(Optional.of(host), Integer.MAX_VALUE)) {
            if (!s.readable() || !DEPLOY_TASK.equals(s.taskId()) || !s.hosts().contains(host)) continue;
            if (s.status() == RunStatus.PASSED) n++;
            else if (s.status() == RunStatus.FAILED && passedOn(s.runId(), host, store)) n++;
        }
        return n;
    }

    private static boolean passedOn(String runId, String host, RunStore store) throws IOException {
        try {
            RunRecord r = store.load(runId);
            List<StepRecord> steps = r.steps(host);
            return !steps.isEmpty() && steps.stream().allMatch(st -> OK.contains(st.status()));
        } catch (dev.fleetdeck.history.RunLookupException e) {
            return false;
        }
    }

    /** {@code all} and {@code @tag} as the fleet resolves them; unknown ones name no host. */
    private static Set<String> hosts(Fleet fleet, String term) {
        try {
            return Selection.select(fleet, term).stream().map(Host::name).collect(Collectors.toSet());
        } catch (SelectionException e) {
            return Set.of();
        }
    }
}

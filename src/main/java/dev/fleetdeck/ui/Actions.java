package dev.fleetdeck.ui;

import dev.fleetdeck.history.RunSummary;
import dev.fleetdeck.task.RunListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the console asks the rest of fleetdeck to do. The console only ever sees {@link dev.fleetdeck.task.RunEvent}s
 * coming back, so tests plug in a fake that emits events, and the real task runner stays out of this package.
 * Implementations must return quickly (start work on their own threads) and report failures to start as
 * {@link ActionException}s, whose message the prompt shows.
 */
public interface Actions {

    /** Starts a task on the hosts {@code selection} names; every event goes to {@code listener}. */
    Running runTask(String taskId, String selection, Map<String, String> params, RunListener listener)
            throws ActionException;

    /** Runs one shell command on the selected hosts, reported as a one-step run named "exec". */
    Running exec(String selection, String command, RunListener listener) throws ActionException;

    /**
     * Starts a safe deploy of the selected hosts with {@code goal} (switch, test, boot, dry-activate). The
     * rollback guard on each host decides on its own if fleetdeck goes away, so a deploy cannot be cancelled
     * half-way from here.
     */
    default Running deploy(String selection, String goal, RunListener listener) throws ActionException {
        throw new ActionException("deploy is not available in this build");
    }

    /** Task ids the prompt completes. */
    List<String> taskIds();

    /** Parameter names of a task, for {@code k=} completion. */
    default List<String> taskParams(String taskId) {
        return List.of();
    }

    /** Checks every host's reachability in the background, reporting each as it is known. */
    default void probe(Consumer<HostStatus> sink) {
    }

    /**
     * Recorded runs of every session, newest first, at most {@code limit}; with a host, only runs that included
     * it. Reads the disk: the console calls it off the UI thread. Without a history store: none.
     */
    default List<RunSummary> pastRuns(Optional<String> host, int limit) throws ActionException {
        return List.of();
    }

    /**
     * Sends a recorded run (its id or a unique prefix) to {@code listener} as the events it was made of, so the
     * console shows it as it ended: checklist, output panes, command log. Reads the disk, like {@link #pastRuns}.
     */
    default void replay(String runIdOrPrefix, RunListener listener) throws ActionException {
        throw new ActionException("no run \"" + runIdOrPrefix + "\" (no run history in this build)");
    }

    /** A started run. */
    interface Running {
        String runId();

        void cancel();
    }

    /** Work could not start; the message is shown to the operator as is. */
    final class ActionException extends Exception {
        public ActionException(String message) {
            super(message);
        }
    }
}

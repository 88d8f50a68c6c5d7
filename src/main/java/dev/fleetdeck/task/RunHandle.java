package dev.fleetdeck.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A task run in progress. */
public interface RunHandle {

    String runId();

    CompletableFuture<RunResult> done();

    /** Stops the run: running commands are killed, their steps end as cancelled, the rest are skipped. */
    void cancel();

    default RunResult await() throws InterruptedException {
        try {
            return done().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("task run failed unexpectedly", e.getCause());
        }
    }
}

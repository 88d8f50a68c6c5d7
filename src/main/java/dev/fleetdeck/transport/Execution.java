package dev.fleetdeck.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A running (or finished) command. */
public interface Execution {

    /** Completes once, with how the command ended. Never completes exceptionally. */
    CompletableFuture<ExecResult> result();

    /** Kills the command on the host (its whole process group); the result becomes {@link ExecResult.Cancelled}. */
    void cancel();

    /** Waits for the result. */
    default ExecResult await() throws InterruptedException {
        try {
            return result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("execution result completed exceptionally", e.getCause());
        }
    }
}

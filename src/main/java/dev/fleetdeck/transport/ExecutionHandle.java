package dev.fleetdeck.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link Execution} every transport hands out. A cancel or a timeout decides the result first and then
 * kills the command; whatever exit status the killed command reports afterwards is ignored, so a cancelled
 * command never shows up as "exit 143".
 */
public final class ExecutionHandle implements Execution {

    private final CompletableFuture<ExecResult> result = new CompletableFuture<>();
    private final AtomicReference<ExecResult> decided = new AtomicReference<>();
    private final AtomicReference<Runnable> killer = new AtomicReference<>();
    private volatile ScheduledFuture<?> timer;

    public ExecutionHandle(Duration timeout) {
        if (timeout != null) {
            timer = TransportThreads.TIMERS.schedule(() -> decide(new ExecResult.TimedOut(timeout)),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs {@code body} on a transport thread with a new handle and returns the handle at once. A command
     * cancelled before its thread got going never starts.
     */
    public static Execution launch(java.time.Duration timeout, java.util.function.Consumer<ExecutionHandle> body) {
        ExecutionHandle handle = new ExecutionHandle(timeout);
        TransportThreads.IO.execute(() -> {
            if (handle.decided()) handle.finish(new ExecResult.Cancelled());
            else body.accept(handle);
        });
        return handle;
    }

    @Override
    public CompletableFuture<ExecResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        decide(new ExecResult.Cancelled());
    }

    /** True once a cancel or timeout has decided the outcome: the command should not be started any more. */
    public boolean decided() {
        return decided.get() != null;
    }

    /** Installs how to kill the running command; runs it at once if the outcome was already decided. */
    public void onKill(Runnable kill) {
        killer.set(kill);
        if (decided() && !result.isDone()) TransportThreads.IO.execute(kill);
    }

    /** The command ended by itself (or the connection died); a cancel or timeout decided earlier wins. */
    public void finish(ExecResult natural) {
        ScheduledFuture<?> t = timer;
        if (t != null) t.cancel(false);
        ExecResult forced = decided.get();
        result.complete(forced != null ? forced : natural);
    }

    private void decide(ExecResult outcome) {
        if (result.isDone() || !decided.compareAndSet(null, outcome)) return;
        Runnable kill = killer.get();
        if (kill != null) TransportThreads.IO.execute(kill);
    }
}

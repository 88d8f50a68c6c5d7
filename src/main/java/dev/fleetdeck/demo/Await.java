package dev.fleetdeck.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a deadline. The only sanctioned way for tests to wait: polling a real
 * condition never races, a bare sleep either wastes time or flakes.
 */
public final class Await {
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Await() {
    }

    /**
     * Returns as soon as {@code condition} is true; throws {@link AssertionError} naming {@code what} when it is
     * still false after {@code timeout}. Exceptions thrown by the condition propagate at once (fail fast).
     */
    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            // Short exponential back-off: quick reaction to fast conditions without burning a core on slow ones.
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }
}

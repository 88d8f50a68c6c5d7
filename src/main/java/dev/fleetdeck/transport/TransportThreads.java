package dev.fleetdeck.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon threads transports block on: stream pumps, connects, and timeout timers. */
public final class TransportThreads {

    /** Unbounded because every running command holds two pump threads for its whole life. */
    public static final ExecutorService IO = Executors.newCachedThreadPool(named("fleetdeck-io"));

    public static final ScheduledExecutorService TIMERS =
            Executors.newSingleThreadScheduledExecutor(named("fleetdeck-timer"));

    private TransportThreads() {
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

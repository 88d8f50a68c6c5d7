package dev.fleetdeck.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The UI thread's message queue, in two lanes. Keys, resizes and questions go in the urgent lane and are always
 * handled first. Run events go in a bounded bulk lane: when output floods in faster than the UI applies it, the
 * producing transport thread blocks (back-pressure reaches the SSH channel) instead of memory growing or keys
 * waiting behind a million lines.
 */
final class Inbox {

    static final int BULK_CAPACITY = 16_384;
    /** Most time spent applying bulk messages before keys and a frame get their turn. */
    static final long BULK_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(15);

    private final LinkedBlockingQueue<Msg> urgent = new LinkedBlockingQueue<>();
    private final ArrayBlockingQueue<Msg> bulk = new ArrayBlockingQueue<>(BULK_CAPACITY);
    private final Semaphore wake = new Semaphore(0);

    void post(Msg m) {
        if (m instanceof Msg.Run) {
            try {
                bulk.put(m);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the producer is being cancelled; dropping its event is fine
                return;
            }
        } else {
            urgent.add(m);
        }
        wake.release();
    }

    /** Waits up to {@code timeoutMillis} for messages; urgent ones first, bulk ones within the time budget. */
    List<Msg> take(long timeoutMillis) throws InterruptedException {
        if (urgent.isEmpty() && bulk.isEmpty()) wake.tryAcquire(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
        wake.drainPermits();
        List<Msg> out = new ArrayList<>();
        urgent.drainTo(out);
        long start = System.nanoTime();
        int n = 0;
        for (Msg m; (m = bulk.poll()) != null; ) {
            out.add(m);
            if (++n % 256 == 0 && System.nanoTime() - start > BULK_BUDGET_NANOS) break;
        }
        return out;
    }

    boolean hasBulk() {
        return !bulk.isEmpty();
    }
}

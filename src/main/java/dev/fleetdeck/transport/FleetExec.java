package dev.fleetdeck.transport;

import dev.fleetdeck.fleet.Host;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Runs one command on several hosts in parallel (at most {@code parallel} at a time) and reports each host's
 * lines and result through one listener.
 */
public final class FleetExec {

    /** Receives output and results of all hosts, from transport threads. */
    public interface Listener {
        void line(Host host, OutputLine line);

        void finished(Host host, ExecResult result);
    }

    private FleetExec() {
    }

    /** Blocks until every host finished; returns results in host order. Interrupting cancels all. */
    public static Map<Host, ExecResult> run(List<Host> hosts, Command command, SshSettings settings, int parallel,
                                            Listener listener) throws InterruptedException {
        Semaphore slots = new Semaphore(Math.max(1, parallel));
        List<Transport> transports = new ArrayList<>();
        Map<Host, Execution> running = new LinkedHashMap<>();
        // The listener's "finished" calls, awaited too: a caller must have seen every host's result when run returns.
        List<java.util.concurrent.CompletableFuture<ExecResult>> reported = new ArrayList<>();
        try {
            for (Host h : hosts) {
                slots.acquire();
                Transport t = Transports.open(h, settings);
                transports.add(t);
                Execution e = t.exec(command, line -> listener.line(h, line));
                reported.add(e.result().whenComplete((r, x) -> {
                    slots.release();
                    listener.finished(h, r);
                }));
                running.put(h, e);
            }
            Map<Host, ExecResult> results = new LinkedHashMap<>();
            for (var entry : running.entrySet()) results.put(entry.getKey(), entry.getValue().await());
            for (var r : reported) {
                try {
                    r.get();
                } catch (java.util.concurrent.ExecutionException x) {
                    throw new IllegalStateException("a result listener failed", x.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            running.values().forEach(Execution::cancel);
            throw e;
        } finally {
            transports.forEach(Transport::close);
        }
    }
}

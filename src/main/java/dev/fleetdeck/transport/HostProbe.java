package dev.fleetdeck.transport;

import dev.fleetdeck.fleet.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Checks many hosts at once: the whole fleet takes as long as its slowest host, not the sum. */
public final class HostProbe {

    /** What one probe found: a latency, or the reason the host cannot be used. */
    public record Result(Host host, Duration latency, TransportException failure) {
        public boolean reachable() {
            return failure == null;
        }
    }

    private HostProbe() {
    }

    /** Connects and authenticates to every host in parallel; results are in the order of {@code hosts}. */
    public static List<Result> probeAll(List<Host> hosts, SshSettings settings) {
        if (hosts.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(hosts.size(), 64), r -> {
            Thread t = new Thread(r, "fleetdeck-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Result>> futures = new ArrayList<>();
            for (Host h : hosts) futures.add(CompletableFuture.supplyAsync(() -> probe(h, settings), pool));
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    public static Result probe(Host host, SshSettings settings) {
        try (Transport t = Transports.open(host, settings)) {
            return new Result(host, t.probe(), null);
        } catch (TransportException e) {
            return new Result(host, null, e);
        }
    }
}

package dev.fleetdeck.bench;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.transport.HostProbe;
import dev.fleetdeck.transport.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long probing the fleet takes: 20 real sshd hosts probed in parallel (what {@code fleetdeck hosts}
 * does) against one after another, then again with one host frozen for 1.5 s. Parallel should cost about
 * the slowest host, not the sum. Run with {@code bench/hosts-probe.sh}.
 */
public final class HostsProbeBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (TestHosts bed = new TestHosts()) {
            List<TestHost> testHosts = new ArrayList<>();
            List<Host> hosts = new ArrayList<>();
            Path knownHosts = bed.dir().resolve("bench_known_hosts");
            StringBuilder kh = new StringBuilder();
            for (int i = 0; i < n; i++) {
                TestHost h = bed.start();
                testHosts.add(h);
                hosts.add(h.asHost("h" + i));
                kh.append(h.knownHostsLine()).append('\n');
            }
            Files.writeString(knownHosts, kh);
            SshSettings s = SshSettings.fromEnvironment(Map.of("HOME", bed.dir().toString()))
                    .withKnownHosts(knownHosts).withDefaultIdentities(List.of()).withAgentSocket(null);

            HostProbe.probeAll(hosts, s); // warm up the JVM's crypto and class loading
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                List<HostProbe.Result> par = HostProbe.probeAll(hosts, s);
                long parallelMs = ms(t0);
                long t1 = System.nanoTime();
                long sum = 0;
                long max = 0;
                for (Host h : hosts) {
                    HostProbe.Result r = HostProbe.probe(h, s);
                    long l = r.latency().toMillis();
                    sum += l;
                    max = Math.max(max, l);
                }
                long sequentialMs = ms(t1);
                long ok = par.stream().filter(HostProbe.Result::reachable).count();
                System.out.printf("round %d: %d hosts (%d reachable): parallel %d ms | sequential %d ms "
                        + "(sum of handshakes %d ms, slowest %d ms)%n", round, n, ok, parallelMs, sequentialMs, sum, max);
            }

            TestHost slow = testHosts.get(0);
            slow.freeze();
            var thaw = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            thaw.schedule(slow::thaw, 1500, TimeUnit.MILLISECONDS);
            long t2 = System.nanoTime();
            List<HostProbe.Result> withSlow = HostProbe.probeAll(hosts, s);
            long slowMs = ms(t2);
            thaw.shutdown();
            System.out.printf("one host frozen for 1500 ms: parallel %d ms, slow host %s, all reachable: %s%n",
                    slowMs, withSlow.get(0).reachable() ? withSlow.get(0).latency().toMillis() + " ms" : "failed",
                    withSlow.stream().allMatch(HostProbe.Result::reachable));
        }
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}

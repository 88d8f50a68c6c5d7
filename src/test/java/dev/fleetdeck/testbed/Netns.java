package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace joined to the root namespace by a veth pair: a host that is a separate machine on a
 * network whose link can fail. Names carry the owning JVM's pid ({@code fdt-<pid36>-<n36>}), so namespaces of
 * a killed JVM can be found and removed later, and parallel JVMs never collide.
 */
final class Netns {
    private static final String PREFIX = "fdt-";
    private static final Pattern NAME = Pattern.compile("fdt-([0-9a-z]+)-[0-9a-z]+");
    /** Lowest priority possible: only used when the veth's own route is gone. */
    private static final String FALLBACK_METRIC = "4294967295";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Boolean usable;

    private final String name;
    private final String rootLink;
    private final String nsLink;
    private final Subnet subnet;

    private Netns(String id, Subnet subnet) {
        this.name = PREFIX + id;
        this.rootLink = "fdh" + id; // interface names have at most 15 characters; ids have at most 11
        this.nsLink = "fdn" + id;
        this.subnet = subnet;
    }

    /** Creates namespace, link and addresses; skips the calling test when namespaces are not available. */
    static Netns create() {
        assumeUsable();
        String id = Long.toString(ProcessHandle.current().pid(), 36) + "-"
                + Integer.toString(COUNTER.incrementAndGet(), 36);
        return Subnet.underLock(() -> {
            Netns netns = new Netns(id, Subnet.free());
            Exec.Result add = Exec.run(List.of("ip", "netns", "add", netns.name));
            if (!add.ok()) Assumptions.abort("network namespaces are not available here: " + add.describe());
            try {
                netns.wire();
            } catch (RuntimeException e) {
                netns.teardown();
                throw e;
            }
            return netns;
        });
    }

    private void wire() {
        Subnet s = subnet;
        Exec.checkWithInput(String.join("\n",
                "link add " + rootLink + " type veth peer name " + nsLink + " address " + s.nsMac() + " netns " + name,
                "addr add " + s.rootAddress() + "/30 dev " + rootLink,
                "link set " + rootLink + " up",
                // A pinned neighbour keeps linkDown() a silent drop: with ARP, new connects would fail with
                // EHOSTUNREACH after ~3 s instead of hanging like a real dead link.
                "neigh replace " + s.nsAddress() + " lladdr " + s.nsMac() + " dev " + rootLink + " nud permanent",
                // Without the veth route, packets for this block would follow the default route off the machine.
                "route replace unreachable " + s.cidr() + " metric " + FALLBACK_METRIC) + "\n",
                "ip", "-batch", "-");
        Exec.checkWithInput(String.join("\n",
                "addr add " + s.nsAddress() + "/30 dev " + nsLink,
                "link set lo up",
                "link set " + nsLink + " up") + "\n",
                "ip", "-n", name, "-batch", "-");
    }

    String name() {
        return name;
    }

    String address() {
        return subnet.nsAddress();
    }

    /** Prefix that runs a program inside the namespace; ip execs it, so the pid is the program's own. */
    List<String> launcher() {
        return List.of("ip", "netns", "exec", name);
    }

    /**
     * Cuts the link by taking the namespace end down (issued from the root namespace). The root end stays up, so
     * its route stays and packets are silently dropped. Taking the root end down instead would delete that
     * route: connects would then fail at once or leak to the default route.
     */
    void linkDown() {
        Exec.check("ip", "-n", name, "link", "set", nsLink, "down");
    }

    void linkUp() {
        Exec.check("ip", "-n", name, "link", "set", nsLink, "up");
    }

    /** Deletes link, namespace and fallback route. Processes inside must be stopped first. */
    void close() {
        Subnet.underLock(() -> {
            teardown();
            return null;
        });
    }

    private void teardown() {
        // Deleting one veth end deletes both at once; netns deletion alone would free it only asynchronously.
        Exec.run(List.of("ip", "link", "del", rootLink));
        Exec.run(List.of("ip", "netns", "del", name));
        Exec.run(List.of("ip", "route", "del", "unreachable", subnet.cidr(), "metric", FALLBACK_METRIC));
    }

    /** Removes namespaces (and their processes) whose owning JVM is gone; our own pid means a previous JVM's. */
    static void cleanStale() {
        Exec.Result list;
        try {
            list = Exec.run(List.of("ip", "netns", "list"));
        } catch (RuntimeException e) {
            return; // no iproute2: nothing can have been created either
        }
        if (!list.ok()) return;
        long self = ProcessHandle.current().pid();
        Subnet.underLock(() -> {
            for (String line : list.stdout().split("\n")) {
                String ns = line.split(" ")[0];
                Matcher m = NAME.matcher(ns);
                if (!m.matches()) continue;
                long owner = Long.parseLong(m.group(1), 36);
                if (owner != self && Os.isAlive(owner)) continue;
                for (String pid : Exec.run(List.of("ip", "netns", "pids", ns)).stdout().split("\\s+")) {
                    if (!pid.isBlank()) ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessTree::kill);
                }
                Exec.run(List.of("ip", "link", "del", "fdh" + ns.substring(PREFIX.length())));
                Exec.run(List.of("ip", "netns", "del", ns));
            }
            Subnet.dropStaleRoutes();
            return null;
        });
    }

    private static synchronized void assumeUsable() {
        Assumptions.assumeTrue(Os.isRoot(), "network namespace hosts need root");
        if (usable == null) {
            try {
                usable = Exec.run(List.of("ip", "-V")).ok();
            } catch (RuntimeException e) {
                usable = false;
            }
        }
        Assumptions.assumeTrue(usable, "network namespace hosts need iproute2 (ip)");
    }
}

package dev.fleetdeck.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Signals a process and its descendants. Java cannot send SIGSTOP/SIGCONT, so this shells out to kill(1).
 * Processes that exit while being signalled are fine: kill's complaint about them is ignored.
 */
public final class ProcessTree {
    private ProcessTree() {
    }

    /** OpenSSH 9.2 runs every per-connection process as the sshd binary; 9.8+ uses sshd-session/sshd-auth. */
    public static boolean isSshd(ProcessHandle process) {
        return process.info().command()
                .map(c -> Path.of(c).getFileName().toString().startsWith("sshd"))
                .orElse(false);
    }

    /**
     * SIGSTOPs {@code root} and then every descendant accepted by {@code which}, repeating until no new one
     * shows up: a stopped process cannot fork, so this converges and nothing forked mid-way is missed.
     *
     * @return the pids that were stopped, root first
     */
    public static Set<Long> stop(ProcessHandle root, Predicate<ProcessHandle> which) {
        Set<Long> stopped = new LinkedHashSet<>();
        List<Long> fresh = List.of(root.pid());
        while (!fresh.isEmpty()) {
            signal("STOP", fresh);
            stopped.addAll(fresh);
            fresh = root.descendants().filter(which).map(ProcessHandle::pid).filter(p -> !stopped.contains(p))
                    .toList();
        }
        return stopped;
    }

    /** SIGCONTs the root and every descendant accepted by {@code which}; harmless for running processes. */
    public static void resume(ProcessHandle root, Predicate<ProcessHandle> which) {
        List<Long> pids = new ArrayList<>();
        pids.add(root.pid());
        root.descendants().filter(which).map(ProcessHandle::pid).forEach(pids::add);
        signal("CONT", pids);
    }

    /** Freezes the whole tree first so nothing escapes by forking, then SIGKILLs all of it. */
    public static void kill(ProcessHandle root) {
        signal("KILL", List.copyOf(stop(root, p -> true)));
    }

    /** Waits for a SIGKILLed {@code process} (called {@code name} in the error) to be reaped. */
    public static void awaitKilled(Process process, String name, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " " + process.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        }
    }

    public static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) return;
        List<String> argv = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> argv.add(Long.toString(p)));
        Exec.run(argv);
    }
}

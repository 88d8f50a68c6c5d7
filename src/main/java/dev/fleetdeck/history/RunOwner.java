package dev.fleetdeck.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that records a run: its pid and start time. The start time tells a live fleetdeck from an
 * unrelated process that got the same pid after fleetdeck died.
 *
 * @param startedAt null when the platform does not report it; then only the pid is checked
 */
public record RunOwner(long pid, Instant startedAt) {

    /**
     * How far two readings of one process's start time may differ. The JDK derives it from the boot time in
     * /proc/stat, which moves when the clock is adjusted, so exact equality would call a live run dead.
     */
    private static final Duration SLACK = Duration.ofSeconds(2);

    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), self.info().startInstant().orElse(null));
    }

    /** True when this very process is still running. */
    public boolean alive() {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) return false;
        if (startedAt == null) return true;
        Optional<Instant> start = p.get().info().startInstant();
        return start.isEmpty() || Duration.between(start.get(), startedAt).abs().compareTo(SLACK) <= 0;
    }
}

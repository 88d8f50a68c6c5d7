package dev.fleetdeck.history;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Run ids and the names that become path segments of the store.
 */
public final class RunIds {

    /** A run id, host or step id: one harmless path segment, never "." or "..". */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final RandomGenerator RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** A new id; see {@link dev.fleetdeck.task.RunIds}. */
    public static String next(String taskId, Instant at) {
        return dev.fleetdeck.task.RunIds.next(taskId, at, RANDOM);
    }

    static String next(String taskId, Instant at, RandomGenerator random) {
        return dev.fleetdeck.task.RunIds.next(taskId, at, random);
    }

    /** True when {@code name} can be used as one path segment under the store. */
    public static boolean safeSegment(String name) {
        return name != null && SEGMENT.matcher(name).matches();
    }

    static String requireSafe(String what, String name) {
        if (!safeSegment(name)) throw new IllegalArgumentException("not a valid " + what + ": \"" + name + "\"");
        return name;
    }
}

package dev.fleetdeck.history;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Run ids ({@code 20250314-093012-preflight-k3xq}) and the names that become path segments. Ids sort by
 * start time as plain strings because the timestamp is UTC (local time would sort wrong across a DST change).
 */
public final class RunIds {

    /** A run id, host or step id: one harmless path segment, never "." or "..". */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** A new id: {@code yyyyMMdd-HHmmss-<task>-<4 random base36>}, the time in UTC. */
    public static String next(String taskId, Instant at) {
        return next(taskId, at, RANDOM);
    }

    static String next(String taskId, Instant at, RandomGenerator random) {
        StringBuilder id = new StringBuilder(STAMP.format(at)).append('-').append(taskPart(taskId)).append('-');
        for (int i = 0; i < 4; i++) id.append(BASE36.charAt(random.nextInt(36)));
        return id.toString();
    }

    /** True when {@code name} can be used as one path segment under the store. */
    public static boolean safeSegment(String name) {
        return name != null && SEGMENT.matcher(name).matches();
    }

    static String requireSafe(String what, String name) {
        if (!safeSegment(name)) throw new IllegalArgumentException("not a valid " + what + ": \"" + name + "\"");
        return name;
    }

    /** Task ids are validated names already; anything else is folded so the id stays one segment. */
    private static String taskPart(String taskId) {
        String folded = taskId == null ? "" : taskId.replaceAll("[^A-Za-z0-9._-]", "-");
        folded = folded.replaceAll("^[._-]+", "");
        if (folded.isEmpty()) return "task";
        return folded.length() > 64 ? folded.substring(0, 64) : folded;
    }
}

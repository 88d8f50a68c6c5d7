package dev.fleetdeck.task;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Run ids ({@code 20250314-093012-preflight-k3xq}): they sort by start time as plain strings because the
 * timestamp is UTC (local time would sort wrong across a DST change), and stay one path segment.
 */
public final class RunIds {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(String taskId) {
        return next(taskId, Instant.now(), RANDOM);
    }

    /** {@code yyyyMMdd-HHmmss-<task>-<4 random base36>}, the time in UTC. */
    public static String next(String taskId, Instant at, RandomGenerator random) {
        StringBuilder id = new StringBuilder(STAMP.format(at)).append('-').append(taskPart(taskId)).append('-');
        for (int i = 0; i < 4; i++) id.append(BASE36.charAt(random.nextInt(36)));
        return id.toString();
    }

    /** Task ids are validated names already; anything else is folded so the id stays one segment. */
    private static String taskPart(String taskId) {
        String folded = taskId == null ? "" : taskId.replaceAll("[^A-Za-z0-9._-]", "-");
        folded = folded.replaceAll("^[._-]+", "");
        if (folded.isEmpty()) return "task";
        return folded.length() > 64 ? folded.substring(0, 64) : folded;
    }
}

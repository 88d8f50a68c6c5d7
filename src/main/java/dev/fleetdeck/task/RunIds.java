package dev.fleetdeck.task;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Run ids sort by start time and stay unique: {@code 20261125-231502-preflight-k3x9}. */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(String taskId) {
        String suffix = Integer.toString(RANDOM.nextInt(36 * 36 * 36 * 36), 36);
        return STAMP.format(LocalDateTime.now()) + "-" + taskId + "-" + "0".repeat(4 - suffix.length()) + suffix;
    }
}

package dev.fleetdeck.ui;

import dev.fleetdeck.task.StepStatus;
import java.time.Duration;

/** Status glyphs and their theme elements; glyphs differ per state so mono terminals still tell them apart. */
final class Glyphs {

    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private Glyphs() {
    }

    static String step(StepStatus s, long frame) {
        return switch (s) {
            case PENDING -> "·";
            case RUNNING -> String.valueOf(SPINNER.charAt((int) (frame % SPINNER.length())));
            case PASSED -> "✓";
            case WARNED -> "!";
            case FAILED -> "✗";
            case ABSENT -> "∅";
            case SKIPPED -> "-";
            case CANCELLED -> "⊘";
            case INTERRUPTED -> "↯";
        };
    }

    static Element stepElement(StepStatus s) {
        return switch (s) {
            case PENDING, SKIPPED, ABSENT -> Element.STATUS_PENDING;
            case RUNNING -> Element.STATUS_RUNNING;
            case PASSED -> Element.STATUS_OK;
            case WARNED -> Element.STATUS_WARN;
            case FAILED, CANCELLED, INTERRUPTED -> Element.STATUS_FAIL;
        };
    }

    static String host(HostStatus.State s) {
        return switch (s) {
            case UNKNOWN -> "?";
            case PROBING -> "…";
            case UP -> "●";
            case DOWN -> "✗";
        };
    }

    static Element hostElement(HostStatus.State s) {
        return switch (s) {
            case UNKNOWN, PROBING -> Element.STATUS_UNKNOWN;
            case UP -> Element.STATUS_OK;
            case DOWN -> Element.STATUS_FAIL;
        };
    }

    static String duration(Duration d) {
        if (d == null) return "";
        long ms = d.toMillis();
        if (ms < 1000) return ms + "ms";
        if (ms < 60_000) return String.format("%.1fs", ms / 1000.0);
        long s = ms / 1000;
        return s / 60 + "m" + String.format("%02d", s % 60) + "s";
    }
}

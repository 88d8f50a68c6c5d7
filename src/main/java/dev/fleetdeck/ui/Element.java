package dev.fleetdeck.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every part of the screen a theme styles. */
public enum Element {
    BACKGROUND, TITLE, TITLE_ACTIVE,
    HOST_NAME, HOST_TAGS, HOST_CURSOR, HOST_SELECTED,
    STATUS_OK, STATUS_FAIL, STATUS_WARN, STATUS_RUNNING, STATUS_PENDING, STATUS_UNKNOWN,
    STEP_TITLE, STEP_DURATION,
    PANE_TEXT, PANE_STDERR, PANE_MATCH, PANE_CURRENT_MATCH, PANE_INFO,
    STATUS_BAR, STATUS_BAR_KEY,
    PROMPT, PROMPT_TEXT, COMPLETION, COMPLETION_SELECTED,
    DIALOG, DIALOG_TITLE, ERROR, NOTICE, HELP, TODO;

    /** The name theme files use: {@code status-bar-key}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Element> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst();
    }

    public static String allIds() {
        return Arrays.stream(values()).map(Element::id).collect(Collectors.joining(", "));
    }
}

package dev.fleetdeck.history;

import java.util.Locale;

/** How a recorded run stands. The file holds the first four; the last two are what a reader concludes. */
public enum RunStatus {
    RUNNING, PASSED, FAILED, CANCELLED,
    /** The file says running, but the process that wrote it is gone: fleetdeck died or was killed. */
    INTERRUPTED,
    /** Its run.json is missing, corrupt or from an unknown format. */
    UNREADABLE;

    /** The word in run.json and in the CLI: {@code passed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus fromId(String id) {
        for (RunStatus s : values()) if (s.id().equals(id)) return s;
        throw new IllegalArgumentException("unknown run status \"" + id + "\"");
    }
}

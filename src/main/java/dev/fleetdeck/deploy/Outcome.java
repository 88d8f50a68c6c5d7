package dev.fleetdeck.deploy;

/**
 * How a deploy ended on one host, said honestly.
 *
 * @param reason why, e.g. {@code health check "api" failed: status 500}; for CONFIRMED the generation now active
 */
public record Outcome(String host, Kind kind, String reason) {

    public enum Kind {
        /** The new generation is active, validated over a fresh connection, and the guard is disarmed. */
        CONFIRMED("confirmed", true),
        /** boot/dry-activate: nothing was activated; the step output says what was done. */
        REPORTED("reported", true),
        /** Something failed and the host was verified back on its previous generation. */
        ROLLED_BACK("rolled back", false),
        /** Nothing changed on the host: preflight, build, copy or arming failed first. */
        FAILED_BEFORE_ACTIVATION("failed before activation", false),
        /** The host did not come back (or runs neither generation): its state is not known. */
        UNKNOWN("unknown", false),
        /** Another deploy of this host holds its lock. */
        REFUSED("refused", false),
        /** Not started because another host was rolled back (no --keep-going). */
        STOPPED("stopped", false);

        private final String label;
        private final boolean success;

        Kind(String label, boolean success) {
            this.label = label;
            this.success = success;
        }

        public String label() {
            return label;
        }

        public boolean success() {
            return success;
        }
    }

    /** The line the checklist and history show, e.g. {@code rolled back: health check "api" failed: status 500}. */
    public String message() {
        return kind.label + ": " + reason;
    }
}

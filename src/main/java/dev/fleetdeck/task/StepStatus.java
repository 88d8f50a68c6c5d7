package dev.fleetdeck.task;

/** Where a step stands. */
public enum StepStatus {
    PENDING, RUNNING,
    /** The expectation held. */
    PASSED,
    /** Failed, but the step's severity is warn: the checklist goes on. */
    WARNED,
    /** Failed with severity fail: the host's checklist stops here. */
    FAILED,
    /** Its subject is not there (no YubiKey plugged in): not a failure; dependent steps are skipped. */
    ABSENT,
    /** Its {@code when} did not hold, or an earlier failure stopped the checklist. */
    SKIPPED,
    CANCELLED,
    /** fleetdeck died while the step ran (found so in history). */
    INTERRUPTED;

    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }

    /** Counts against the run's result. */
    public boolean failure() {
        return this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }
}

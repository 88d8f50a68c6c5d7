package dev.fleetdeck.task;

/**
 * How a step's result measured up to its expectation.
 *
 * @param status  {@link StepStatus#PASSED}, {@link StepStatus#FAILED} or {@link StepStatus#ABSENT}
 * @param message what was found, in operator terms: "exit 3 (expected 0)", "free 2.1 GiB < 5 GiB"
 */
public record Verdict(StepStatus status, String message) {

    public boolean passed() {
        return status == StepStatus.PASSED;
    }
}

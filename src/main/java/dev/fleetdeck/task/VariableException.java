package dev.fleetdeck.task;

/** A variable has no value on this host, e.g. {@code ${backup.job}} on a host without backup settings. */
public final class VariableException extends Exception {

    public VariableException(String message) {
        super(message);
    }
}

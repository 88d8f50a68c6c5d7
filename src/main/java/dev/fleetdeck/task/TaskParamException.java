package dev.fleetdeck.task;

/** The given parameters do not fit the task: an unknown name or a missing required one. One line. */
public final class TaskParamException extends Exception {

    public TaskParamException(String message) {
        super(message);
    }
}

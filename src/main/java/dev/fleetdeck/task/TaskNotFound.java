package dev.fleetdeck.task;

/** No task has the id the operator typed; the message says which ids exist. */
public final class TaskNotFound extends Exception {

    public TaskNotFound(String message) {
        super(message);
    }
}

package dev.fleetdeck.todo;

/** A checklist operation that cannot be done safely (unknown, ambiguous or vanished item); one-line message. */
public final class TodoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TodoException(String message) {
        super(message);
    }
}

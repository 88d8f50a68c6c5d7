package dev.fleetdeck.fleet;

/** A host selection that is malformed or selects nothing; the message is one line, ready for the user. */
public final class SelectionException extends Exception {

    public SelectionException(String message) {
        super(message);
    }
}

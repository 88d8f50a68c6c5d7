package dev.fleetdeck.transport;

/** A host could not be used; the message is one line an operator can act on. */
public class TransportException extends Exception {

    /** What went wrong, so callers can choose exit codes and advice without parsing messages. */
    public enum Kind {
        /** DNS, refused, no route, connect timeout. */
        UNREACHABLE,
        /** The server refused every key we offered, or a key could not be unlocked. */
        AUTH_FAILED,
        /** The host key is not in known_hosts and was not confirmed. */
        HOST_KEY_UNKNOWN,
        /** known_hosts holds another key for this host: possible man-in-the-middle. */
        HOST_KEY_CHANGED,
        /** The connection died after it was established. */
        CONNECTION_LOST,
        /** Local misconfiguration (missing key file, bad ssh config). */
        CONFIG,
        /** Anything else the SSH layer reported. */
        PROTOCOL
    }

    private final Kind kind;

    public TransportException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

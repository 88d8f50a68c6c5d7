package dev.fleetdeck.transport.agent;

import java.io.IOException;

/** The ssh-agent could not be used; the message is one line an operator can act on. */
public class AgentException extends IOException {

    /** Why, so callers can pick advice without parsing messages. */
    public enum Reason {
        /** No agent configured, socket missing, connection refused. */
        UNAVAILABLE,
        /** The agent answered with a failure (key removed, touch not given, confirmation denied). */
        REFUSED,
        /** The agent did not answer in time (e.g. nobody touched the security key). */
        TIMEOUT,
        /** The agent's answer was malformed or not what was asked for. */
        PROTOCOL
    }

    private final Reason reason;

    public AgentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AgentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package dev.fleetdeck.transport;

import java.time.Duration;

/** How a command ended. Exactly one of these; a lost connection is never disguised as an exit code. */
public sealed interface ExecResult {

    /** True only for an exit status of 0. */
    default boolean ok() {
        return this instanceof Exited e && e.code() == 0;
    }

    /** A short human description, e.g. {@code exit 3} or {@code connection lost: keepalive timed out}. */
    String describe();

    /** The command ran and exited with this status (128+n when killed by signal n). */
    record Exited(int code) implements ExecResult {
        public String describe() {
            return "exit " + code;
        }
    }

    /** The command was still running after its timeout and was killed. */
    record TimedOut(Duration after) implements ExecResult {
        public String describe() {
            return "timed out after " + after.toSeconds() + " s";
        }
    }

    /** The command was cancelled by the operator and killed. */
    record Cancelled() implements ExecResult {
        public String describe() {
            return "cancelled";
        }
    }

    /** The connection died while the command ran; its fate on the host is unknown. */
    record ConnectionLost(String reason) implements ExecResult {
        public String describe() {
            return "connection lost: " + reason;
        }
    }

    /** The command never started: the host could not be reached or refused us. */
    record NotStarted(TransportException cause) implements ExecResult {
        public String describe() {
            return cause.getMessage();
        }
    }
}

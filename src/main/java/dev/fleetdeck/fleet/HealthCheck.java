package dev.fleetdeck.fleet;

import java.time.Duration;
import java.util.Objects;

/** A host's own health check, as morph has them: a command on the host or an HTTP request from here. */
public sealed interface HealthCheck {

    String description();

    /** Wait between attempts. */
    Duration period();

    /** Limit for one attempt. */
    Duration timeout();

    /** A shell command run on the host; healthy when it exits 0. */
    record Cmd(String description, String command, Duration period, Duration timeout) implements HealthCheck {
        public Cmd {
            Objects.requireNonNull(command, "command");
            if (description == null) description = command;
        }
    }

    /** An HTTP GET made from the operator's machine; healthy when the status equals {@code expectStatus}. */
    record Http(String description, String url, int expectStatus, Duration period, Duration timeout)
            implements HealthCheck {
        public Http {
            Objects.requireNonNull(url, "url");
            if (description == null) description = "GET " + url;
        }
    }
}

package dev.fleetdeck.transport;

import java.time.Instant;

/** One line of a command's output, as it arrived, without its line terminator; not yet sanitised. */
public record OutputLine(Stream stream, String text, Instant at) {

    public enum Stream { STDOUT, STDERR }
}

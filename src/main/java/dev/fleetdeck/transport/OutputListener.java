package dev.fleetdeck.transport;

/** Receives output lines while a command runs. Called from transport threads; must not block for long. */
@FunctionalInterface
public interface OutputListener {

    void onLine(OutputLine line);

    OutputListener IGNORE = line -> { };
}

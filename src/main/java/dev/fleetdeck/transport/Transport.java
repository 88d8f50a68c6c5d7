package dev.fleetdeck.transport;

/**
 * A way to run commands on one host. Implementations reuse what they can (one SSH connection for many
 * commands) and are safe to call from several threads.
 */
public interface Transport extends AutoCloseable {

    /** Connects (or reuses the connection) and authenticates; returns how long that took. */
    java.time.Duration probe() throws TransportException;

    /**
     * Starts a command and returns at once. Output lines reach {@code listener} while the command runs, on a
     * transport thread; the result completes once both streams are drained and the exit status is known.
     * Failures to connect complete the result with {@link ExecResult.NotStarted}; nothing is thrown.
     */
    Execution exec(Command command, OutputListener listener);

    /** Closes the connection; running executions end as {@link ExecResult.ConnectionLost} or cancelled. */
    @Override
    void close();
}

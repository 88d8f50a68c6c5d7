package dev.fleetdeck.transport.ssh;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.Execution;
import dev.fleetdeck.transport.ExecutionHandle;
import dev.fleetdeck.transport.LinePump;
import dev.fleetdeck.transport.OutputLine;
import dev.fleetdeck.transport.OutputListener;
import dev.fleetdeck.transport.RemoteScript;
import dev.fleetdeck.transport.SshSettings;
import dev.fleetdeck.transport.Transport;
import dev.fleetdeck.transport.TransportException;
import dev.fleetdeck.transport.TransportException.Kind;
import dev.fleetdeck.transport.TransportThreads;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Runs commands over one sshj connection per host, reused for every command and reopened when it dies.
 * OpenSSH allows 10 sessions per connection (MaxSessions): nine run commands, one is kept free so a kill can
 * always get through even when every other session is busy.
 */
public final class SshjTransport implements Transport {

    private static final int MAX_SESSIONS = 10;

    private final Host host;
    private final SshjConnector connector;
    private final Semaphore commandSessions = new Semaphore(MAX_SESSIONS - 1, true);
    private final Semaphore controlSession = new Semaphore(1, true);
    private final Object connectLock = new Object();
    private SshjConnection connection;
    private volatile boolean closed;

    public SshjTransport(Host host, SshSettings settings) {
        this.host = host;
        this.connector = new SshjConnector(host, settings);
    }

    @Override
    public Duration probe() throws TransportException {
        long start = System.nanoTime();
        SshjConnection c = connected();
        if (c.connectTime() != null && !c.probed()) {
            c.markProbed();
            return c.connectTime();
        }
        // Already connected: measure a round trip instead of the (past) handshake.
        ExecResult r = runQuietly(Command.shell("true"));
        if (r instanceof ExecResult.NotStarted ns) throw ns.cause();
        if (r instanceof ExecResult.ConnectionLost lost) throw new TransportException(Kind.CONNECTION_LOST,
                host.name() + ": " + lost.describe());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private ExecResult runQuietly(Command c) {
        try {
            return exec(c, OutputListener.IGNORE).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult.Cancelled();
        }
    }

    @Override
    public Execution exec(Command command, OutputListener listener) {
        return ExecutionHandle.launch(command.timeout(), handle -> run(command, listener, handle));
    }

    private void run(Command command, OutputListener listener, ExecutionHandle handle) {
        try {
            commandSessions.acquire();
        } catch (InterruptedException e) {
            handle.finish(new ExecResult.Cancelled());
            return;
        }
        try {
            if (handle.decided()) {
                handle.finish(new ExecResult.Cancelled());
                return;
            }
            SshjConnection c;
            try {
                c = connected();
            } catch (TransportException e) {
                handle.finish(new ExecResult.NotStarted(e));
                return;
            }
            handle.finish(runOn(c, command, listener, handle));
        } finally {
            commandSessions.release();
        }
    }

    private ExecResult runOn(SshjConnection c, Command command, OutputListener listener, ExecutionHandle handle) {
        Session session;
        Session.Command cmd;
        try {
            session = openSession(c);
        } catch (IOException e) {
            return lostOrFailed(c, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult.Cancelled();
        }
        RemoteScript.PidWatch pids = new RemoteScript.PidWatch(() -> { });
        try {
            if (command.pty()) session.allocateDefaultPTY();
            cmd = session.exec(RemoteScript.wrap(command.script()));
        } catch (IOException e) {
            closeQuietly(session);
            return lostOrFailed(c, e);
        }
        handle.onKill(() -> kill(c, session, pids));
        AtomicReference<IOException> streamError = new AtomicReference<>();
        Future<?> out = pump(cmd.getInputStream(), OutputLine.Stream.STDOUT, listener, pids, streamError);
        Future<?> err = pump(cmd.getErrorStream(), OutputLine.Stream.STDERR, listener, pids, streamError);
        try {
            out.get();
            err.get();
            if (streamError.get() == null) cmd.join(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            streamError.compareAndSet(null, new IOException(e.getMessage(), e));
        } finally {
            closeQuietly(session);
        }
        Integer status = cmd.getExitStatus();
        if (status != null && streamError.get() != null) {
            // The command finished but its output could not all be read: say so instead of a silent gap.
            listener.onLine(new OutputLine(OutputLine.Stream.STDERR, "[fleetdeck: output may be incomplete: "
                    + streamError.get().getMessage() + "]", java.time.Instant.now()));
        }
        if (status != null) return new ExecResult.Exited(status);
        if (cmd.getExitSignal() != null) return new ExecResult.Exited(128 + signalNumber(cmd.getExitSignal().name()));
        if (!c.client().isConnected() || streamError.get() != null) {
            c.markDead();
            return new ExecResult.ConnectionLost(reason(c, streamError.get()));
        }
        return new ExecResult.ConnectionLost("channel closed without an exit status");
    }

    /**
     * The server frees a session slot a moment after our close returns, so a refused open right after another
     * command ended is retried briefly instead of failing the command.
     */
    private static Session openSession(SshjConnection c) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return c.client().startSession();
            } catch (OpenFailException e) {
                if (attempt >= 40 || !c.client().isConnected()) throw e;
                Thread.sleep(Math.min(200, 10L * attempt));
            }
        }
    }

    private Future<?> pump(InputStream in, OutputLine.Stream stream, OutputListener listener,
                           RemoteScript.PidWatch pids, AtomicReference<IOException> error) {
        return TransportThreads.IO.submit(() -> {
            try {
                LinePump.pump(in, stream, listener, pids);
            } catch (IOException e) {
                error.compareAndSet(null, e);
            }
        });
    }

    /** Kills the remote process group over a separate session; closing the channel alone would orphan it. */
    private void kill(SshjConnection c, Session session, RemoteScript.PidWatch pids) {
        try {
            var pid = pids.pid();
            if (pid.isPresent() && controlSession.tryAcquire(5, TimeUnit.SECONDS)) {
                try (Session s = openSession(c)) {
                    Session.Command k = s.exec(RemoteScript.killScript(pid.getAsLong()));
                    k.join(10, TimeUnit.SECONDS);
                } finally {
                    controlSession.release();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The connection may be gone; closing the session below is all we can still do.
        } finally {
            closeQuietly(session);
        }
    }

    private SshjConnection connected() throws TransportException {
        synchronized (connectLock) {
            if (closed) throw new TransportException(Kind.CONNECTION_LOST, host.name() + ": transport closed");
            if (connection == null || !connection.alive()) {
                if (connection != null) connection.close();
                connection = connector.connect();
            }
            return connection;
        }
    }

    private ExecResult lostOrFailed(SshjConnection c, IOException e) {
        if (!c.client().isConnected()) {
            c.markDead();
            return new ExecResult.ConnectionLost(reason(c, e));
        }
        return new ExecResult.NotStarted(new TransportException(Kind.PROTOCOL,
                host.name() + ": could not start command: " + e.getMessage(), e));
    }

    private static String reason(SshjConnection c, IOException e) {
        String why = c.deathReason();
        if (why == null && e != null) why = e.getMessage();
        return why == null ? "connection closed" : why;
    }

    private static int signalNumber(String name) {
        return switch (name) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "ABRT" -> 6;
            case "KILL" -> 9;
            case "SEGV" -> 11;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            case "USR1" -> 10;
            case "USR2" -> 12;
            default -> 15;
        };
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed or connection gone
        }
    }

    @Override
    public void close() {
        synchronized (connectLock) {
            closed = true;
            if (connection != null) connection.close();
            connection = null;
        }
    }
}

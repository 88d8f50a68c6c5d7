package dev.fleetdeck.transport.agent;

import dev.fleetdeck.transport.agent.AgentException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small ssh-agent client over the agent's Unix socket.
 *
 * <p>Every request uses a fresh connection. That makes the client trivially thread-safe, and a request that
 * times out cannot leave a late answer behind for the next one. Connecting to a local socket costs
 * microseconds, far less than any signature. All I/O is non-blocking with a deadline, so a hung agent can
 * never hang the caller.
 */
public final class AgentClient implements AutoCloseable {

    /** Sign flag: for an {@code ssh-rsa} key, make an {@code rsa-sha2-256} signature. */
    public static final int SSH_AGENT_RSA_SHA2_256 = 2;
    /** Sign flag: for an {@code ssh-rsa} key, make an {@code rsa-sha2-512} signature. */
    public static final int SSH_AGENT_RSA_SHA2_512 = 4;

    /** Listing keys never waits for a human. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Signing may wait for a security-key touch or an {@code ssh-add -c} confirmation. */
    public static final Duration DEFAULT_SIGN_TIMEOUT = Duration.ofSeconds(60);

    private final Path socket;
    private final Duration requestTimeout;
    private final Duration signTimeout;
    private volatile boolean closed;

    public AgentClient(Path socket) {
        this(socket, DEFAULT_REQUEST_TIMEOUT, DEFAULT_SIGN_TIMEOUT);
    }

    /**
     * @param socket         the agent's Unix socket ({@code SSH_AUTH_SOCK})
     * @param requestTimeout limit for requests that need no human, e.g. listing keys
     * @param signTimeout    limit for one signature, including any wait for a touch
     */
    public AgentClient(Path socket, Duration requestTimeout, Duration signTimeout) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        this.signTimeout = positive(signTimeout, "signTimeout");
    }

    /** The agent named by {@code SSH_AUTH_SOCK} in this process's environment. */
    public static AgentClient fromEnvironment() throws AgentException {
        return fromEnvironment(System.getenv());
    }

    /** The agent named by {@code SSH_AUTH_SOCK} in {@code env}. */
    public static AgentClient fromEnvironment(Map<String, String> env) throws AgentException {
        String sock = env.get("SSH_AUTH_SOCK");
        if (sock == null || sock.isBlank()) {
            throw new AgentException(Reason.UNAVAILABLE, "SSH_AUTH_SOCK is not set: no ssh-agent to ask");
        }
        return new AgentClient(Path.of(sock));
    }

    public Path socket() {
        return socket;
    }

    /**
     * How long one signature may take. An sshj transport must allow at least this long for authentication
     * (see {@link AgentAuthMethod}).
     */
    public Duration signTimeout() {
        return signTimeout;
    }

    /** The keys the agent offers, in the agent's order (the order ssh would try them). */
    public List<AgentIdentity> identities() throws AgentException {
        ByteBuffer reply = exchange(AgentMessages.requestIdentities(), requestTimeout, "list its keys");
        int type = reply.get() & 0xff;
        if (type == AgentMessages.SSH2_AGENT_IDENTITIES_ANSWER) {
            return List.copyOf(AgentMessages.parseIdentities(reply));
        }
        if (AgentMessages.isFailure(type)) {
            throw new AgentException(Reason.REFUSED, "ssh-agent at " + socket + " refused to list its keys");
        }
        throw unexpected(type);
    }

    /**
     * Signs {@code data} with {@code id}'s private key.
     *
     * @param flags 0, or {@link #SSH_AGENT_RSA_SHA2_256} / {@link #SSH_AGENT_RSA_SHA2_512} for RSA keys
     * @return an SSH signature blob ({@code string algorithm, string signature[, …]}), ready to send as-is
     */
    public byte[] sign(AgentIdentity id, byte[] data, int flags) throws AgentException {
        String what = "sign with " + describe(id);
        ByteBuffer reply = exchange(AgentMessages.signRequest(id.blob(), data, flags), signTimeout, what);
        int type = reply.get() & 0xff;
        if (type == AgentMessages.SSH2_AGENT_SIGN_RESPONSE) {
            return AgentMessages.parseSignature(reply);
        }
        if (AgentMessages.isFailure(type)) {
            throw new AgentException(Reason.REFUSED, "ssh-agent refused to " + what
                    + (id.isSecurityKey() ? " (security key not touched, or key removed?)"
                                          : " (key removed from the agent, or confirmation denied?)"));
        }
        throw unexpected(type);
    }

    /** Further requests fail; nothing else to release, as connections live only for one request. */
    @Override
    public void close() {
        closed = true;
    }

    /** Sends one framed request on a new connection and returns the reply body (type byte first). */
    private ByteBuffer exchange(byte[] request, Duration timeout, String what) throws AgentException {
        if (closed) {
            throw new IllegalStateException("AgentClient is closed");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            ch.configureBlocking(false);
            SelectionKey key = ch.register(selector, 0);
            try {
                if (!ch.connect(UnixDomainSocketAddress.of(socket))) {
                    await(key, SelectionKey.OP_CONNECT, deadline);
                    ch.finishConnect();
                }
            } catch (IOException e) {
                if (e instanceof InterruptedIOException || e instanceof TimedOut) {
                    throw e;
                }
                throw new AgentException(Reason.UNAVAILABLE, "cannot reach ssh-agent at " + socket + ": "
                        + e.getMessage() + " (is the agent running? is SSH_AUTH_SOCK stale?)", e);
            }
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                if (ch.write(out) == 0) {
                    await(key, SelectionKey.OP_WRITE, deadline);
                }
            }
            ByteBuffer len = readFully(ch, key, ByteBuffer.allocate(4), deadline);
            long n = len.getInt(0) & 0xffffffffL;
            if (n == 0 || n > AgentMessages.MAX_MESSAGE) {
                throw new AgentException(Reason.PROTOCOL, "ssh-agent at " + socket + " sent a message of "
                        + n + " bytes (limit " + AgentMessages.MAX_MESSAGE + ")");
            }
            return readFully(ch, key, ByteBuffer.allocate((int) n), deadline).flip();
        } catch (TimedOut e) {
            throw new AgentException(Reason.TIMEOUT, "ssh-agent at " + socket + " did not " + what + " within "
                    + seconds(timeout));
        } catch (AgentException e) {
            throw e;
        } catch (InterruptedIOException e) {
            throw new AgentException(Reason.TIMEOUT, "interrupted while waiting for ssh-agent to " + what, e);
        } catch (IOException e) {
            throw new AgentException(Reason.UNAVAILABLE, "ssh-agent at " + socket + " failed to " + what + ": "
                    + e.getMessage(), e);
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, SelectionKey key, ByteBuffer buf, long deadline)
            throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf);
            if (n < 0) {
                throw new AgentException(Reason.PROTOCOL, "ssh-agent closed the connection without a full answer");
            }
            if (n == 0) {
                await(key, SelectionKey.OP_READ, deadline);
            }
        }
        return buf;
    }

    /** Waits until the channel is ready for {@code op}, or the deadline passes. */
    private static void await(SelectionKey key, int op, long deadline) throws IOException {
        key.interestOps(op);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimedOut();
            }
            // select(ms) treats 0 as "forever", so never pass 0.
            key.selector().select(Math.max(1, left / 1_000_000));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
            if (key.selector().selectedKeys().remove(key)) {
                return;
            }
        }
    }

    private AgentException unexpected(int type) {
        return new AgentException(Reason.PROTOCOL, "ssh-agent at " + socket + " sent unexpected message type "
                + type);
    }

    private static String describe(AgentIdentity id) {
        return id.comment().isEmpty() ? id.keyType() + " " + id.fingerprint() : id.comment();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** Internal signal: the deadline passed. */
    private static final class TimedOut extends IOException {
    }
}

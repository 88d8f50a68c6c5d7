package dev.fleetdeck.transport.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted agent on a Unix socket, for answers a real ssh-agent never gives (or gives only with hardware). */
final class FakeAgent implements AutoCloseable {

    /** Answers one request: the raw bytes to send (normally framed), or {@code null} to never answer. */
    @FunctionalInterface
    interface Responder {
        byte[] reply(int type, ByteBuffer payload) throws Exception;
    }

    private final ServerSocketChannel server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-agent");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();

    private FakeAgent(ServerSocketChannel server) {
        this.server = server;
    }

    /** Listens before returning, so clients can connect at once. */
    static FakeAgent start(Path socket, Responder responder) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        FakeAgent agent = new FakeAgent(server);
        agent.threads.execute(() -> agent.acceptLoop(responder));
        return agent;
    }

    /** How many requests of this type arrived. */
    int requests(int type) {
        return requests.computeIfAbsent(type, t -> new AtomicInteger()).get();
    }

    private void acceptLoop(Responder responder) {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                threads.execute(() -> serve(ch, responder));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One request per connection, as AgentClient makes them; the connection closes after the reply. */
    private void serve(SocketChannel ch, Responder responder) {
        try (ch) {
            ByteBuffer len = ByteBuffer.allocate(4);
            if (!readFully(ch, len)) {
                return;
            }
            ByteBuffer body = ByteBuffer.allocate(len.flip().getInt());
            if (!readFully(ch, body)) {
                return;
            }
            body.flip();
            int type = body.get() & 0xff;
            requests.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
            byte[] reply = responder.reply(type, body);
            if (reply == null) {
                closed.await(); // hold the connection open, silently
                return;
            }
            ByteBuffer out = ByteBuffer.wrap(reply);
            while (out.hasRemaining()) {
                ch.write(out);
            }
        } catch (Exception e) {
            // the client went away or the test is over
        }
    }

    private static boolean readFully(SocketChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A framed reply: {@code byte type} plus payload. */
    static byte[] reply(int type, AgentMessages.Writer payload) {
        return new AgentMessages.Writer().u8(type).raw(payload.bytes()).framed();
    }

    static byte[] reply(int type) {
        return new AgentMessages.Writer().u8(type).framed();
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        threads.shutdownNow();
    }
}

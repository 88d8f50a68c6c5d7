package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real OpenSSH {@code ssh-agent -D} for tests, listening on {@code <dir>/agent.sock}.
 *
 * <pre>
 * try (TestAgent agent = TestAgent.start(tempDir)) {
 *     agent.add(host.userKey());
 *     SshSettings s = settings.withAgentSocket(agent.socket());
 * }
 * </pre>
 *
 * A JVM shutdown hook stops any agent a test left running.
 */
public final class TestAgent implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path socket;
    private final StringBuffer output;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestAgent(Process process, Path socket, StringBuffer output) {
        this.process = process;
        this.socket = socket;
        this.output = output;
    }

    /**
     * Starts an agent and returns once it listens. {@code ssh-agent -D} binds its socket before it prints the
     * {@code SSH_AUTH_SOCK=...} line, so that line is the readiness signal: no polling, no sleeping.
     */
    public static TestAgent start(Path dir) {
        Path socket = dir.resolve("agent.sock");
        List<String> argv = List.of("ssh-agent", "-D", "-a", socket.toString());
        Process process;
        try {
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        }
        StringBuffer output = new StringBuffer();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLines(process, output, ready), "testbed-agent-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        TestAgent agent = new TestAgent(process, socket, output);
        try {
            ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            agent.kill();
            throw new AssertionError("ssh-agent did not start within " + START_TIMEOUT.toMillis() + " ms: " + output, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            agent.kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting ssh-agent", e);
        }
        if (!Files.exists(socket)) {
            agent.kill();
            throw new IllegalStateException("ssh-agent reported ready but " + socket + " does not exist: " + output);
        }
        Workspace.get().register(agent);
        return agent;
    }

    /** Collects the agent's output; completes {@code ready} at the SSH_AUTH_SOCK line or fails it at exit. */
    private static void readLines(Process process, StringBuffer output, CompletableFuture<Void> ready) {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("SSH_AUTH_SOCK=")) ready.complete(null);
            }
        } catch (IOException e) {
            // The process went away; its exit is reported below.
        }
        // End of output means the agent exited (or is about to): a start still waiting fails with its output.
        ready.completeExceptionally(new IllegalStateException("ssh-agent exited before listening: " + output));
    }

    /** The agent's Unix socket, i.e. the value of {@code SSH_AUTH_SOCK}. */
    public Path socket() {
        return socket;
    }

    /** {@code SSH_AUTH_SOCK} pointing at this agent. */
    public Map<String, String> env() {
        return Map.of("SSH_AUTH_SOCK", socket.toString());
    }

    /** {@code ssh-add} of an unencrypted private key; the agent lists keys in the order they were added. */
    public void add(Path privateKey) {
        Exec.check(env(), "ssh-add", "-q", privateKey.toString());
    }

    /** {@code ssh-add -d}: the agent forgets the key of {@code publicKey}. */
    public void remove(Path publicKey) {
        Exec.check(env(), "ssh-add", "-q", "-d", publicKey.toString());
    }

    /** What ssh-agent printed so far. */
    public String output() {
        return output.toString();
    }

    /** SIGKILL: the agent cannot clean up, so its socket file stays behind with nobody listening (a dead agent). */
    public void kill() {
        process.destroyForcibly();
        ProcessTree.awaitKilled(process, "ssh-agent", START_TIMEOUT);
        Workspace.get().unregister(this);
    }

    /** SIGTERM (the agent removes its socket), SIGKILL if it lingers. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        process.destroy();
        try {
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) kill();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Workspace.get().unregister(this);
    }

    @Override
    public String toString() {
        return "TestAgent[pid " + process.pid() + ", " + socket + "]";
    }
}

package dev.fleetdeck.transport.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real {@code ssh-agent -D} for one test; its socket lives in the test's temp dir. */
final class SshAgentProcess implements AutoCloseable {

    private final Process process;
    private final Path socket;

    private SshAgentProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /**
     * Starts an agent and returns once it listens. {@code ssh-agent -D} binds its socket before it prints the
     * {@code SSH_AUTH_SOCK=…} line, so that line is the readiness signal: no polling, no sleeping.
     */
    static SshAgentProcess start(Path dir) throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Proc.drainLines(p, line -> {
            output.append(line).append('\n');
            if (line.startsWith("SSH_AUTH_SOCK=")) {
                ready.complete(line);
            }
        });
        p.onExit().thenRun(() -> ready.completeExceptionally(
                new IOException("ssh-agent exited " + p.exitValue() + ": " + output)));
        try {
            ready.get(Proc.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("ssh-agent did not start within " + Proc.DEADLINE + ": " + output, e);
        }
        if (!Files.exists(socket)) {
            p.destroyForcibly();
            throw new IOException("ssh-agent reported ready but " + socket + " does not exist");
        }
        return new SshAgentProcess(p, socket);
    }

    Path socket() {
        return socket;
    }

    Map<String, String> env() {
        return Map.of("SSH_AUTH_SOCK", socket.toString());
    }

    void add(Path privateKey) throws IOException, InterruptedException {
        Proc.run(env(), "ssh-add", "-q", privateKey.toString());
    }

    void remove(Path publicKey) throws IOException, InterruptedException {
        Proc.run(env(), "ssh-add", "-q", "-d", publicKey.toString());
    }

    /** SIGKILL: the agent cannot clean up, so its socket file stays behind with nobody listening. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(Proc.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Proc.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }
}

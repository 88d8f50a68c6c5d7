package dev.fleetdeck.demo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One running sshd daemon: starts it, knows when it accepts connections, stops it with all its sessions. */
public final class SshdProcess {
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    /** sshd could not bind its port; the caller may retry with another one. */
    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(String message) {
            super(message);
        }
    }

    private final List<String> launcher;
    private final Path config;
    private final Path log;
    private Process process;

    /**
     * @param launcher prefix run before sshd, e.g. {@code ip netns exec NAME} (it execs, so the pid stays sshd's)
     */
    public SshdProcess(List<String> launcher, Path config, Path log) {
        this.launcher = List.copyOf(launcher);
        this.config = config;
        this.log = log;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public synchronized ProcessHandle handle() {
        if (!running()) throw new IllegalStateException("sshd is not running");
        return process.toHandle();
    }

    /** Starts sshd and returns once it has bound its port and answers with an SSH banner. */
    public synchronized void start(String address, int port) {
        if (running()) throw new IllegalStateException("sshd is already running");
        Sshd.ensurePrivsepDir();
        long logStart = log.toFile().length();
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(List.of(Sshd.binary().toString(), "-D", "-e", "-f", config.toString()));
        try {
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", argv), e);
        }
        Process started = process;
        try {
            // "Server listening" proves that *this* sshd bound the port (a banner alone could come from another
            // process that won a port race); the banner proves it really accepts connections.
            Await.until(START_TIMEOUT, () -> {
                if (!started.isAlive()) throw startFailure(started, logSince(logStart));
                return logSince(logStart).contains("Server listening on") && answersBanner(address, port);
            }, "sshd to accept connections on " + address + ":" + port);
        } catch (AssertionError e) {
            stop();
            throw new AssertionError(e.getMessage() + "; log:\n" + logSince(logStart), e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Starts sshd on a free loopback port: {@code writeConfig} writes the config for a candidate port first. When
     * another process takes the port between the probe and sshd's bind, tries another one, up to {@code attempts}.
     *
     * @return the port sshd listens on
     */
    public synchronized int startOnFreePort(String address, java.util.function.IntConsumer writeConfig, int attempts) {
        for (int attempt = 1; ; attempt++) {
            int candidate = freeLoopbackPort();
            writeConfig.accept(candidate);
            try {
                start(address, candidate);
                return candidate;
            } catch (PortInUseException e) {
                if (attempt >= attempts) throw e;
            }
        }
    }

    public static int freeLoopbackPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Kills the daemon and every session and command it spawned (a real host going away). */
    public synchronized void stop() {
        if (process == null) return;
        if (process.isAlive()) ProcessTree.kill(process.toHandle());
        try {
            ProcessTree.awaitKilled(process, "sshd", START_TIMEOUT);
        } finally {
            process = null;
        }
    }

    /** True when a TCP connect succeeds and the peer sends an SSH-2.0 identification string. */
    public static boolean answersBanner(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            byte[] banner = in.readNBytes(8);
            return new String(banner, StandardCharsets.US_ASCII).equals("SSH-2.0-");
        } catch (IOException e) {
            return false;
        }
    }

    private RuntimeException startFailure(Process started, String output) {
        String message = "sshd exited with " + started.exitValue() + " while starting; log:\n" + output;
        return output.contains("Address already in use")
                ? new PortInUseException(message)
                : new IllegalStateException(message);
    }

    private String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}

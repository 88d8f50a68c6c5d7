package dev.fleetdeck.transport.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private, minimal real OpenSSH server on 127.0.0.1 for these tests only (the shared test bed will replace
 * it). It runs as the current user with a fresh ed25519 host key and one authorized_keys file.
 */
final class ThrowawaySshd implements AutoCloseable {

    private final Process process;
    private final int port;
    private final byte[] hostKeyBlob;
    private final StringBuffer log;

    private ThrowawaySshd(Process process, int port, byte[] hostKeyBlob, StringBuffer log) {
        this.process = process;
        this.port = port;
        this.hostKeyBlob = hostKeyBlob;
        this.log = log;
    }

    static ThrowawaySshd start(Path dir, Path authorizedKeys) throws Exception {
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege-separation directory
        Path hostKey = Proc.keygen(dir, "ssh_host_ed25519_key", "throwaway-host", "-t", "ed25519");
        byte[] hostKeyBlob = Base64.getDecoder().decode(
                Files.readString(hostKey.resolveSibling(hostKey.getFileName() + ".pub")).trim().split("\\s+")[1]);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorizedKeys,
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "StrictModes no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                // DEBUG1 makes sshd log the public key algorithm of each attempt, which the tests check.
                "LogLevel DEBUG1",
                ""));
        Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        String ready = "Server listening on 127.0.0.1 port " + port;
        Proc.drainLines(p, line -> {
            log.append(line).append('\n');
            if (line.startsWith(ready)) {
                listening.complete(null);
            }
        });
        p.onExit().thenRun(() -> listening.completeExceptionally(
                new IOException("sshd exited " + p.exitValue() + ":\n" + log)));
        ThrowawaySshd sshd = new ThrowawaySshd(p, port, hostKeyBlob, log);
        try {
            listening.get(Proc.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            sshd.awaitBanner();
        } catch (TimeoutException | IOException e) {
            sshd.close();
            throw new IOException("sshd did not come up within " + Proc.DEADLINE + ":\n" + log, e);
        }
        return sshd;
    }

    /** Confirms the port speaks SSH: the server's first line starts with {@code SSH-2.0-}. */
    private void awaitBanner() throws IOException {
        try (Socket s = new Socket()) {
            int ms = (int) Proc.DEADLINE.toMillis();
            s.connect(new InetSocketAddress("127.0.0.1", port), ms);
            s.setSoTimeout(ms);
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1 && c != '\n' && line.length() < 255; ) {
                line.append((char) c);
            }
            if (!line.toString().startsWith("SSH-2.0-")) {
                throw new IOException("no SSH-2.0 banner on port " + port + ": " + line);
            }
        }
    }

    int port() {
        return port;
    }

    /** The host key's SSH blob, to accept exactly this key and nothing else. */
    byte[] hostKeyBlob() {
        return hostKeyBlob.clone();
    }

    /** Everything sshd has logged so far. */
    String log() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Proc.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

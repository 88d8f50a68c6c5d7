package dev.fleetdeck.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One demo host: a real, unprivileged {@code sshd} on a free 127.0.0.1 port, running as the current user
 * ({@code UsePAM no}, {@code StrictModes no}; no {@code /run/sshd} is needed when not root), with its own
 * directory (host key, sshd_config, log, {@code root/}, {@code bin/}) that {@link SimulatedNixos} fills.
 */
public final class DemoHost implements SimHost, AutoCloseable {
    private final Path dir;
    private final Path userKey;
    private final Path authorizedKeys;
    private final SshdProcess sshd;
    private volatile boolean closed;
    private int port;

    private DemoHost(Path dir, Path userKey, Path authorizedKeys) {
        this.dir = dir;
        this.userKey = userKey;
        this.authorizedKeys = authorizedKeys;
        this.sshd = new SshdProcess(List.of(), dir.resolve("sshd_config"), logFile());
    }

    /** Creates the host in {@code dir}; {@code authorizedKeys} lists {@code userKey}'s public key. */
    public static DemoHost start(Path dir, Path userKey, Path authorizedKeys) {
        DemoHost h = new DemoHost(dir, userKey, authorizedKeys);
        try {
            SimulatedNixos.mkdirs(h.root());
            SimulatedNixos.mkdirs(h.binDir());
            SshKeys.generate("ed25519", h.hostKey(), "", "");
            h.port = h.sshd.startOnFreePort("127.0.0.1", h::writeConfig, 5);
            return h;
        } catch (RuntimeException | Error e) {
            h.close();
            throw e;
        }
    }

    private Path hostKey() {
        return dir.resolve("ssh_host_ed25519_key");
    }

    private void writeConfig(int candidatePort) {
        SshdConfig config = new SshdConfig("127.0.0.1", candidatePort, hostKey(), dir.resolve(PID_FILE),
                List.of(authorizedKeys), root(), binDir(), List.of("LogLevel INFO"));
        try {
            Files.writeString(dir.resolve("sshd_config"), config.render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code [127.0.0.1]:port key} for known_hosts. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + SshKeys.publicKeyLine(SshKeys.publicFile(hostKey()));
    }

    /** The pid of the sshd that serves the host now (the original, or one a rollback started), or -1. */
    public long servingSshdPid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve(PID_FILE)).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override public Path dir() { return dir; }
    @Override public Path root() { return dir.resolve("root"); }
    @Override public Path binDir() { return dir.resolve("bin"); }
    @Override public Path logFile() { return dir.resolve("sshd.log"); }
    @Override public Path userKey() { return userKey; }
    @Override public String address() { return "127.0.0.1"; }
    @Override public int port() { return port; }
    @Override public String user() { return Os.currentUser(); }
    @Override public boolean isClosed() { return closed; }
    @Override public boolean sshdRunning() { return sshd.running(); }

    /** Stops this host's sshd with every session; an sshd a rollback restarted is {@link SimulatedDeploy#close}'s. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        sshd.stop();
    }
}

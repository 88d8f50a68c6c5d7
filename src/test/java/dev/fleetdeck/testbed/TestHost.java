package dev.fleetdeck.testbed;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.demo.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One real OpenSSH server for tests: its own directory, host key, config and sshd process, on 127.0.0.1 or in
 * its own network namespace. Remote commands run as the current OS user with {@code FLEETDECK_TEST_ROOT=root()}
 * and {@code binDir()} first on PATH. Get one from {@link TestHosts}.
 */
public final class TestHost implements SimHost, AutoCloseable {
    private static final int START_ATTEMPTS = 5;

    private final Path dir;
    private final UserKeys keys;
    private final TestHostOptions options;
    private final Netns netns;
    private final String address;
    private final Path hostKey;
    private final Path authorizedKeys;
    private final SshdProcess sshd;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int port;

    private TestHost(Path dir, UserKeys keys, TestHostOptions options, Netns netns) {
        this.dir = dir;
        this.keys = keys;
        this.options = options;
        this.netns = netns;
        this.address = netns == null ? "127.0.0.1" : netns.address();
        this.hostKey = dir.resolve("ssh_host_ed25519_key");
        this.authorizedKeys = dir.resolve("authorized_keys");
        this.sshd = new SshdProcess(netns == null ? List.of() : netns.launcher(), dir.resolve("sshd_config"),
                dir.resolve("sshd.log"));
    }

    /** Creates the host in {@code dir} and returns once its sshd accepts connections. */
    static TestHost start(Path dir, UserKeys keys, TestHostOptions options) {
        TestHost host;
        try {
            Files.createDirectories(dir.resolve("root"));
            Files.createDirectories(dir.resolve("bin"));
            Files.write(dir.resolve("authorized_keys"), new byte[0]);
            host = new TestHost(dir, keys, options, options.netns() ? Netns.create() : null);
        } catch (IOException e) {
            Os.deleteRecursively(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            Os.deleteRecursively(dir);
            throw e;
        }
        try {
            host.generateHostKey();
            host.port = host.launch();
            host.writeKnownHosts();
            return host;
        } catch (RuntimeException | Error e) {
            host.close();
            throw e;
        }
    }

    private int launch() {
        if (options.port() == 0 && netns == null) return sshd.startOnFreePort(address, this::writeConfig, START_ATTEMPTS);
        int port = options.port() != 0 ? options.port() : 22;
        writeConfig(port);
        sshd.start(address, port);
        return port;
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** The current OS user: sshd running as root lets anyone in, as a normal user only that user. */
    public String user() {
        return Os.currentUser();
    }

    /** This host's own file tree; remote commands see it as {@code $FLEETDECK_TEST_ROOT}. */
    public Path root() {
        return dir.resolve("root");
    }

    /** First on the PATH of remote commands: put stand-in programs here. */
    public Path binDir() {
        return dir.resolve("bin");
    }

    /** Unencrypted ed25519 key, authorized here ({@code .pub} next to it). Shared by the hosts of one TestHosts. */
    public Path userKey() {
        return keys.ed25519();
    }

    /** ed25519 key encrypted with {@link #encryptedKeyPassphrase()}, authorized here. */
    public Path encryptedUserKey() {
        return keys.encryptedEd25519();
    }

    public String encryptedKeyPassphrase() {
        return UserKeys.PASSPHRASE;
    }

    /** RSA key, authorized here; generated on first call (about 0.3 s). */
    public Path rsaUserKey() {
        return keys.rsa();
    }

    public Path ecdsaUserKey() {
        return keys.ecdsa();
    }

    /** Lets the key of {@code publicKeyFile} log in to this host only. */
    public void authorize(Path publicKeyFile) {
        UserKeys.appendAuthorized(authorizedKeys, publicKeyFile);
    }

    /** {@code ssh-ed25519 AAAA...} of the current host key. */
    public String hostKeyPublic() {
        return SshKeys.publicKeyLine(SshKeys.publicFile(hostKey));
    }

    /** {@code SHA256:...} exactly as {@code ssh-keygen -lf} prints it. */
    public String hostKeyFingerprint() {
        return SshKeys.fingerprint(hostKeyPublic());
    }

    /** known_hosts line for the current host key: {@code [address]:port key}, or {@code address key} on port 22. */
    public String knownHostsLine() {
        String name = port == 22 ? address : "[" + address + "]:" + port;
        return name + " " + hostKeyPublic();
    }

    /**
     * A known_hosts file with {@link #knownHostsLine()}. It follows {@link #regenerateHostKey()}: copy it first
     * to keep the old key.
     */
    public Path knownHostsFile() {
        return dir.resolve("known_hosts");
    }

    /** This endpoint as a fleet host that logs in with {@link #userKey()}. */
    public Host asHost(String name) {
        return Host.of(name, address, port, user()).withIdentityFiles(List.of(userKey().toString()));
    }

    /** Kills sshd together with all its sessions and their commands; connects are then refused. */
    public void stopSshd() {
        sshd.stop();
    }

    /** Starts sshd again on the same address, port and host key. */
    public void startSshd() {
        sshd.start(address, port);
    }

    public boolean sshdRunning() {
        return sshd.running();
    }

    /** Replaces the host key and restarts sshd (which drops all sessions). */
    public void regenerateHostKey() {
        sshd.stop();
        generateHostKey();
        writeKnownHosts();
        sshd.start(address, port);
    }

    /**
     * SIGSTOPs the sshd listener and every per-connection sshd process: TCP still connects (the kernel
     * completes handshakes) but nothing answers. Remote commands keep running; their output waits in sshd's pipes.
     */
    public void freeze() {
        ProcessTree.stop(sshd.handle(), ProcessTree::isSshd);
    }

    public void thaw() {
        ProcessTree.resume(sshd.handle(), ProcessTree::isSshd);
    }

    /** Netns hosts only: the link to this host goes dead; packets are dropped silently, nothing is refused. */
    public void linkDown() {
        requireNetns().linkDown();
    }

    /** Netns hosts only: restores the link and returns once sshd answers through it again. */
    public void linkUp() {
        requireNetns().linkUp();
        if (sshd.running()) {
            Await.until(SshdProcess.START_TIMEOUT, () -> SshdProcess.answersBanner(address, port),
                    "sshd on " + address + ":" + port + " to answer after linkUp");
        }
    }

    public boolean inNetns() {
        return netns != null;
    }

    /** Name of the network namespace, e.g. for {@code ip netns exec}; netns hosts only. */
    public String netnsName() {
        return requireNetns().name();
    }

    /** sshd's own log (LogLevel VERBOSE); worth printing when a test fails. */
    public Path logFile() {
        return dir.resolve("sshd.log");
    }

    public String log() {
        try {
            return Files.readString(logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The host's directory: config, keys, log, root/ and bin/. */
    public Path dir() {
        return dir;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Kills sshd and everything it started, removes the namespace and deletes the directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            sshd.stop();
        } finally {
            try {
                if (netns != null) netns.close();
            } finally {
                Os.deleteRecursively(dir);
            }
        }
    }

    @Override
    public String toString() {
        return "TestHost[" + user() + "@" + address + ":" + port + (netns == null ? "" : " in " + netns.name())
                + ", " + dir + "]";
    }

    private Netns requireNetns() {
        if (netns == null) throw new IllegalStateException("not a network namespace host: " + this);
        return netns;
    }

    private void generateHostKey() {
        SshKeys.generate("ed25519", hostKey, "", "");
    }

    private void writeKnownHosts() {
        try {
            Files.writeString(knownHostsFile(), knownHostsLine() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfig(int candidatePort) {
        SshdConfig config = new SshdConfig(address, candidatePort, hostKey, dir.resolve(PID_FILE),
                List.of(authorizedKeys, keys.authorizedKeys()), root(), binDir(), options.sshdConfig());
        try {
            Files.writeString(dir.resolve("sshd_config"), config.render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

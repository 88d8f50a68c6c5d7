package dev.fleetdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.transport.ssh.SshjTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Host key checking and key-file authentication of the sshj transport, against real sshd. */
class SshHostKeyAndAuthTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @TempDir
    Path home;

    private SshSettings base() {
        return SshSettings.fromEnvironment(Map.of("HOME", home.toString())).withDefaultIdentities(List.of());
    }

    private static ExecResult run(Host host, SshSettings s) throws Exception {
        try (Transport t = new SshjTransport(host, s)) {
            return t.exec(Command.shell("echo ok"), OutputListener.IGNORE).result().get(60, TimeUnit.SECONDS);
        }
    }

    private static TransportException failure(ExecResult r) {
        return assertInstanceOf(ExecResult.NotStarted.class, r, r.toString()).cause();
    }

    @Test
    void unknownKeyIsShownWithItsSha256FingerprintAndRefusedByDefault() throws Exception {
        TestHost h = hosts.start();
        Path kh = home.resolve("known_hosts");
        List<HostKeyConfirmer.UnknownHostKey> asked = new CopyOnWriteArrayList<>();
        SshSettings s = base().withKnownHosts(kh).withConfirmer(k -> {
            asked.add(k);
            return false;
        });
        TransportException e = failure(run(h.asHost("a"), s));
        assertEquals(TransportException.Kind.HOST_KEY_UNKNOWN, e.kind());
        assertEquals(1, asked.size());
        assertEquals(h.hostKeyFingerprint(), asked.get(0).fingerprint());
        assertEquals("[127.0.0.1]:" + h.port(), asked.get(0).knownHostsName());
        assertEquals("ssh-ed25519", asked.get(0).keyType());
        assertTrue(e.getMessage().contains(h.hostKeyFingerprint()), e.getMessage());
        assertTrue(!Files.exists(kh), "a refused key must not be recorded");
    }

    @Test
    void confirmedKeyIsRecordedAtomicallyWithMode0600AndNotAskedAgain() throws Exception {
        TestHost h = hosts.start();
        Path kh = home.resolve("kh");
        List<String> asked = new CopyOnWriteArrayList<>();
        SshSettings s = base().withKnownHosts(kh).withConfirmer(k -> asked.add(k.fingerprint()));
        assertEquals(new ExecResult.Exited(0), run(h.asHost("a"), s));
        assertEquals(new ExecResult.Exited(0), run(h.asHost("a"), s));
        assertEquals(1, asked.size(), "only the first connection asks");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kh)));
        // OpenSSH itself must accept what we wrote.
        Process p = new ProcessBuilder(dev.fleetdeck.testbed.SshCommand.to(h).knownHosts(kh).command("true")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void hashedKnownHostsEntriesAreRecognised() throws Exception {
        TestHost h = hosts.start();
        Path kh = home.resolve("hashed");
        Files.copy(h.knownHostsFile(), kh);
        Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", kh.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertTrue(Files.readString(kh).startsWith("|1|"));
        SshSettings s = base().withKnownHosts(kh).withConfirmer(k -> {
            throw new AssertionError("a hashed known host must not be asked about");
        });
        assertEquals(new ExecResult.Exited(0), run(h.asHost("a"), s));
    }

    @Test
    void changedKeyIsRefusedWithoutAsking() throws Exception {
        TestHost h = hosts.start();
        Path kh = home.resolve("kh-changed");
        Files.copy(h.knownHostsFile(), kh);
        byte[] before = Files.readAllBytes(kh);
        h.regenerateHostKey();
        SshSettings s = base().withKnownHosts(kh).withConfirmer(k -> {
            throw new AssertionError("a changed key must never be offered for trust");
        });
        TransportException e = failure(run(h.asHost("a"), s));
        assertEquals(TransportException.Kind.HOST_KEY_CHANGED, e.kind());
        assertTrue(e.getMessage().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), e.getMessage());
        assertTrue(e.getMessage().contains(h.hostKeyFingerprint()), e.getMessage());
        assertEquals(new String(before), new String(Files.readAllBytes(kh)), "known_hosts untouched");
    }

    @Test
    void aKnownKeyOfAnotherTypeCountsAsChanged() throws Exception {
        TestHost h = hosts.start();
        Path kh = home.resolve("kh-type");
        // An RSA key listed for the host while it serves ed25519: not "unknown", a mismatch.
        Path rsa = home.resolve("other_rsa");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", rsa.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        String pub = Files.readString(Path.of(rsa + ".pub")).trim().split(" ")[1];
        Files.writeString(kh, "[127.0.0.1]:" + h.port() + " ssh-rsa " + pub + "\n");
        SshSettings s = base().withKnownHosts(kh).withConfirmer(k -> true);
        TransportException e = failure(run(h.asHost("a"), s));
        assertEquals(TransportException.Kind.HOST_KEY_CHANGED, e.kind(), e.getMessage());
    }

    @Test
    void authenticatesWithRsaAndEcdsaKeyFiles() throws Exception {
        TestHost h = hosts.start();
        SshSettings s = base().withKnownHosts(h.knownHostsFile());
        for (Path key : List.of(h.rsaUserKey(), h.ecdsaUserKey())) {
            Host host = h.asHost("a").withIdentityFiles(List.of(key.toString()));
            assertEquals(new ExecResult.Exited(0), run(host, s), key.toString());
        }
    }

    @Test
    void encryptedKeyAsksForThePassphrase() throws Exception {
        TestHost h = hosts.start();
        Host host = h.asHost("a").withIdentityFiles(List.of(h.encryptedUserKey().toString()));
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        SshSettings s = base().withKnownHosts(h.knownHostsFile()).withPassphrases((file, attempt) -> {
            attempts.add(attempt);
            return h.encryptedKeyPassphrase().toCharArray();
        });
        assertEquals(new ExecResult.Exited(0), run(host, s));
        assertEquals(List.of(1), attempts);
    }

    @Test
    void wrongPassphraseIsSaidPlainly() throws Exception {
        TestHost h = hosts.start();
        Host host = h.asHost("a").withIdentityFiles(List.of(h.encryptedUserKey().toString()));
        SshSettings s = base().withKnownHosts(h.knownHostsFile()).withPassphrases((file, attempt) -> "wrong".toCharArray());
        TransportException e = failure(run(host, s));
        assertEquals(TransportException.Kind.AUTH_FAILED, e.kind());
        assertTrue(e.getMessage().contains("wrong passphrase"), e.getMessage());
    }

    @Test
    void unauthorisedKeyFailsAuthenticationClearly() throws Exception {
        TestHost h = hosts.start();
        Path stranger = home.resolve("stranger");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        Host host = h.asHost("a").withIdentityFiles(List.of(stranger.toString()));
        TransportException e = failure(run(host, base().withKnownHosts(h.knownHostsFile())));
        assertEquals(TransportException.Kind.AUTH_FAILED, e.kind());
        assertTrue(e.getMessage().contains("authentication failed for"), e.getMessage());
        assertTrue(e.getMessage().contains(stranger.toString()), e.getMessage());
    }

    @Test
    void missingKeyFileIsNamed() throws Exception {
        TestHost h = hosts.start();
        Host host = h.asHost("a").withIdentityFiles(List.of("/nonexistent/id_ed25519"));
        TransportException e = failure(run(host, base().withKnownHosts(h.knownHostsFile())));
        assertEquals(TransportException.Kind.AUTH_FAILED, e.kind());
        assertTrue(e.getMessage().contains("/nonexistent/id_ed25519"), e.getMessage());
    }

    @Test
    void probeMeasuresTheHandshake() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = new SshjTransport(h.asHost("a"), base().withKnownHosts(h.knownHostsFile()))) {
            Duration d = t.probe();
            assertTrue(d.toMillis() > 0 && d.toMillis() < 10_000, d.toString());
        }
    }
}

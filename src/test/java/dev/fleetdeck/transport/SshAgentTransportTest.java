package dev.fleetdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.demo.SshKeys;
import dev.fleetdeck.testbed.TestAgent;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sshj transport authenticating through a real ssh-agent, against real sshd, with no key files at all. */
class SshAgentTransportTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @TempDir
    Path home;

    /** No default identities: only the agent, or the host's own key files, can log in. */
    private SshSettings settings(TestHost h, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("HOME", home.toString());
        return SshSettings.fromEnvironment(all).withKnownHosts(h.knownHostsFile()).withDefaultIdentities(List.of());
    }

    private SshSettings agentSettings(TestHost h, TestAgent agent) {
        return settings(h, Map.of()).withAgentSocket(agent.socket());
    }

    /** The host with no key files of its own. */
    private static Host keyless(TestHost h) {
        return h.asHost("a").withIdentityFiles(List.of());
    }

    private static ExecResult echoOk(Host host, SshSettings s) throws Exception {
        try (Transport t = Transports.open(host, s)) {
            Lines lines = new Lines();
            ExecResult r = t.exec(Command.shell("echo ok").withTimeout(Duration.ofSeconds(30)), lines).result()
                    .get(60, TimeUnit.SECONDS);
            if (r.ok()) assertEquals(List.of("ok"), lines.stdout());
            return r;
        }
    }

    private static TransportException authFailure(ExecResult r) {
        TransportException e = assertInstanceOf(ExecResult.NotStarted.class, r, r.toString()).cause();
        assertEquals(TransportException.Kind.AUTH_FAILED, e.kind(), e.getMessage());
        return e;
    }

    /** sshd logs {@code Accepted publickey for USER from ... ssh2: TYPE SHA256:...} for the key that logged in. */
    private static void assertLoggedInWith(TestHost h, Path key) {
        String fingerprint = SshKeys.keygenFingerprint(SshKeys.publicFile(key));
        assertTrue(h.log().lines().anyMatch(l -> l.contains("Accepted publickey for " + h.user())
                && l.contains(fingerprint)), "no login with " + fingerprint + " in:\n" + h.log());
    }

    /** Puts the key into a fresh agent, runs {@code echo ok} through it and checks sshd saw this key log in. */
    private void assertAgentKeyLogsIn(TestHost h, Path key) throws Exception {
        try (TestAgent agent = TestAgent.start(home)) {
            agent.add(key);
            assertEquals(new ExecResult.Exited(0), echoOk(keyless(h), agentSettings(h, agent)));
        }
        assertLoggedInWith(h, key);
    }

    @Test
    void ed25519KeyInTheAgentLogsIn() throws Exception {
        TestHost h = hosts.start();
        assertAgentKeyLogsIn(h, h.userKey());
    }

    /** OpenSSH 9.2 refuses SHA-1 {@code ssh-rsa} signatures, so a login with an RSA key proves rsa-sha2. */
    @Test
    void rsaKeyInTheAgentLogsInWithRsaSha2() throws Exception {
        TestHost h = hosts.start();
        assertAgentKeyLogsIn(h, h.rsaUserKey());
    }

    @Test
    void agentWithOnlyAnUnauthorizedKeyFailsNamingThatKey() throws Exception {
        TestHost h = hosts.start();
        Path stranger = SshKeys.generate("ed25519", home.resolve("id_stranger"), "", "test-stranger");
        String fingerprint = SshKeys.keygenFingerprint(SshKeys.publicFile(stranger));
        try (TestAgent agent = TestAgent.start(home)) {
            agent.add(stranger);
            TransportException e = authFailure(echoOk(keyless(h), agentSettings(h, agent)));
            assertTrue(e.getMessage().contains("authentication failed for " + h.user()), e.getMessage());
            assertTrue(e.getMessage().contains("agent key ssh-ed25519 " + fingerprint), e.getMessage());
        }
    }

    @Test
    void emptyAgentIsNamedAsSuch() throws Exception {
        TestHost h = hosts.start();
        try (TestAgent agent = TestAgent.start(home)) {
            TransportException e = authFailure(echoOk(keyless(h), agentSettings(h, agent)));
            assertTrue(e.getMessage().endsWith("no identities to offer (ssh-agent holds no keys, no key files)"),
                    e.getMessage());
        }
    }

    @Test
    void deadAgentDoesNotBlockKeyFilesAndIsNamedWhenNothingElseWorks() throws Exception {
        TestHost h = hosts.start();
        TestAgent dead = TestAgent.start(home);
        dead.kill();
        assertTrue(Files.exists(dead.socket()), "a killed agent leaves its socket file behind");
        SshSettings s = settings(h, dead.env());
        assertEquals(dead.socket(), s.agentSocket(), "SSH_AUTH_SOCK names the dead agent");

        assertEquals(new ExecResult.Exited(0), echoOk(h.asHost("a"), s), "the host's key file still logs in");
        assertLoggedInWith(h, h.userKey());

        TransportException e = authFailure(echoOk(keyless(h), s));
        assertTrue(e.getMessage().contains("cannot reach ssh-agent at " + dead.socket()), e.getMessage());
        assertTrue(e.getMessage().contains("is the agent running?"), e.getMessage());
        assertFalse(e.getMessage().contains("no agent"), "the agent was there, it was dead: " + e.getMessage());
    }
}

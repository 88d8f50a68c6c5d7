package dev.fleetdeck.transport.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.demo.SshKeys;
import dev.fleetdeck.testbed.TestAgent;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHostOptions;
import dev.fleetdeck.testbed.TestHosts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthMethod;
import com.hierynomus.sshj.key.KeyAlgorithms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end: sshj + AgentAuthMethod + a real ssh-agent (or a simulated FIDO agent) against a real OpenSSH sshd. */
class AgentAuthSshdTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @TempDir
    static Path dir;
    static TestHost host;
    static String user;
    static TestAgent agent;
    static AgentClient agentClient;
    static Path rsa;
    static FakeSecurityKey securityKey;

    @BeforeAll
    static void startServerAndAgent() throws Exception {
        Path ed25519 = SshKeys.generate("ed25519", dir.resolve("id_ed25519"), "", "test-ed25519");
        rsa = SshKeys.generate("rsa", dir.resolve("id_rsa"), "", "test-rsa");
        Path ecdsa = SshKeys.generate("ecdsa", dir.resolve("id_ecdsa"), "", "test-ecdsa");
        Path stranger = SshKeys.generate("ed25519", dir.resolve("id_stranger"), "", "test-stranger");
        securityKey = new FakeSecurityKey();

        // DEBUG1 makes sshd log the public key algorithm of each attempt, which the tests check.
        host = hosts.start(TestHostOptions.defaults().withSshdConfig("LogLevel DEBUG1"));
        user = host.user();
        for (Path key : List.of(ed25519, rsa, ecdsa)) {
            host.authorize(SshKeys.publicFile(key));
        }
        host.authorize(Files.writeString(dir.resolve("fake-fido.pub"), securityKey.authorizedKeysLine() + "\n"));

        agent = TestAgent.start(dir);
        agent.add(stranger); // first, so AgentAuth.methods offers a refused key before an accepted one
        agent.add(ed25519);
        agent.add(rsa);
        agent.add(ecdsa);
        agentClient = new AgentClient(agent.socket());
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    /** Accepts exactly the host key the test bed generated, nothing else. */
    static HostKeyVerifier only(byte[] hostKeyBlob) {
        return new HostKeyVerifier() {
            @Override
            public boolean verify(String hostname, int port, PublicKey key) {
                return Arrays.equals(new Buffer.PlainBuffer().putPublicKey(key).getCompactData(), hostKeyBlob);
            }

            @Override
            public List<String> findExistingAlgorithms(String hostname, int port) {
                return List.of(AgentMessages.keyType(hostKeyBlob));
            }
        };
    }

    static SSHClient connect() throws IOException {
        return connect(new DefaultConfig());
    }

    static SSHClient connect(DefaultConfig config) throws IOException {
        SSHClient ssh = new SSHClient(config);
        ssh.addHostKeyVerifier(only(hostKeyBlob()));
        ssh.setConnectTimeout(10_000);
        ssh.getTransport().setTimeoutMs(10_000);
        ssh.connect(host.address(), host.port());
        return ssh;
    }

    /** The SSH blob of the key sshd serves, from the test bed's {@code ssh-ed25519 AAAA...} line. */
    static byte[] hostKeyBlob() {
        return Base64.getDecoder().decode(host.hostKeyPublic().split(" ")[1]);
    }

    static String run(SSHClient ssh, String command) throws IOException {
        try (Session session = ssh.startSession(); Session.Command cmd = session.exec(command)) {
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join(10, TimeUnit.SECONDS);
            assertEquals(0, cmd.getExitStatus());
            return out;
        }
    }

    static AgentIdentity identity(AgentClient client, String comment) throws AgentException {
        return client.identities().stream().filter(i -> i.comment().equals(comment)).findFirst().orElseThrow();
    }

    static boolean causedBy(Throwable t, AgentException.Reason reason, String text) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof AgentException a && a.reason() == reason && a.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"test-ed25519", "test-rsa", "test-ecdsa"})
    void authenticatesWithAgentKeyAndRunsACommand(String comment) throws Exception {
        AgentIdentity id = identity(agentClient, comment);
        try (SSHClient ssh = connect()) {
            ssh.auth(user, new AgentAuthMethod(agentClient, id));
            assertTrue(ssh.isAuthenticated());
            assertEquals("ok\n", run(ssh, "echo ok"));
        }
        // The host lives for the class: the line must name this very key, not just any earlier login.
        assertTrue(host.log().lines().anyMatch(l -> l.contains("Accepted publickey for " + user)
                && l.contains(id.fingerprint())), host.log());
    }

    @Test
    void rsaKeyUsesRsaSha2WhichOpenSsh92Accepts() throws Exception {
        AgentIdentity id = identity(agentClient, "test-rsa");
        try (SSHClient ssh = connect()) {
            ssh.auth(user, new AgentAuthMethod(agentClient, id));
            assertEquals("ok\n", run(ssh, "echo ok"));
        }
        String accepted = "Accepted publickey for " + user + " from " + host.address();
        assertTrue(host.log().lines().anyMatch(l -> l.contains(accepted) && l.contains(id.fingerprint())),
                host.log());
        assertTrue(host.log().lines().anyMatch(l -> l.contains("pkalg rsa-sha2-512") && l.contains(id.fingerprint())),
                "sshd saw the rsa-sha2-512 algorithm:\n" + host.log());
        assertFalse(host.log().contains("pkalg ssh-rsa "), host.log());
    }

    /** The control: the same RSA key signing with SHA-1 (what jsch-agent-proxy did) is refused by this server. */
    @Test
    void sha1RsaIsRefusedByThisServer() throws Exception {
        DefaultConfig sha1Only = new DefaultConfig();
        // ssh-ed25519 stays for the host key; ssh-rsa is the only algorithm sshj can then use for an RSA user key.
        sha1Only.setKeyAlgorithms(List.of(KeyAlgorithms.EdDSA25519(), KeyAlgorithms.SSHRSA()));
        try (SSHClient ssh = connect(sha1Only)) {
            assertThrows(UserAuthException.class, () -> ssh.authPublickey(user, ssh.loadKeys(rsa.toString())));
            assertFalse(ssh.isAuthenticated());
        }
        assertTrue(host.log().contains("signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms"), host.log());
    }

    @Test
    void unauthorizedKeyFailsCleanlyAndTheConnectionStaysUsable() throws Exception {
        AgentIdentity stranger = identity(agentClient, "test-stranger");
        try (SSHClient ssh = connect()) {
            UserAuthException e = assertThrows(UserAuthException.class,
                    () -> ssh.auth(user, new AgentAuthMethod(agentClient, stranger)));
            assertTrue(e.getMessage().contains("Exhausted available authentication methods"), e.getMessage());
            assertFalse(ssh.isAuthenticated());
            assertTrue(ssh.isConnected());
            ssh.auth(user, new AgentAuthMethod(agentClient, identity(agentClient, "test-ed25519")));
            assertEquals("ok\n", run(ssh, "echo ok"));
        }
    }

    @Test
    void allAgentKeysTogetherFindTheAuthorizedOne() throws Exception {
        List<AuthMethod> methods = AgentAuth.methods(agentClient);
        assertEquals(4, methods.size());
        try (SSHClient ssh = connect()) {
            ssh.auth(user, methods);
            assertEquals("ok\n", run(ssh, "echo ok"));
        }
    }

    @Test
    void hostKeyVerifierAcceptsNoOtherKey() throws Exception {
        byte[] otherHostKey = new FakeSecurityKey().blob(); // any other key
        SSHClient ssh = new SSHClient();
        ssh.addHostKeyVerifier(only(otherHostKey));
        try (ssh) {
            assertThrows(net.schmizz.sshj.transport.TransportException.class,
                    () -> ssh.connect(host.address(), host.port()));
        }
    }

    @Test
    void securityKeyIdentityAuthenticatesAfterOneTouch(@TempDir Path tmp) throws Exception {
        try (FakeAgent fido = FakeAgent.start(tmp.resolve("fido.sock"), securityKey.agent(Duration.ZERO));
             AgentClient client = new AgentClient(tmp.resolve("fido.sock"));
             SSHClient ssh = connect()) {
            AtomicInteger touchPrompts = new AtomicInteger();
            List<AuthMethod> methods = AgentAuth.methods(client, id -> touchPrompts.incrementAndGet());
            assertEquals("sk-ssh-ed25519@openssh.com",
                    ((AgentAuthMethod) methods.get(0)).identity().keyType());
            ssh.auth(user, methods);
            assertEquals("ok\n", run(ssh, "echo ok"));
            assertEquals(1, touchPrompts.get());
            assertEquals(1, fido.requests(AgentMessages.SSH2_AGENTC_SIGN_REQUEST));
        }
    }

    @Test
    void securityKeyIsNotTouchedForAServerThatRefusesIt(@TempDir Path tmp) throws Exception {
        FakeSecurityKey unknown = new FakeSecurityKey();
        try (FakeAgent fido = FakeAgent.start(tmp.resolve("fido.sock"), unknown.agent(Duration.ZERO));
             AgentClient client = new AgentClient(tmp.resolve("fido.sock"));
             SSHClient ssh = connect()) {
            AtomicInteger touchPrompts = new AtomicInteger();
            assertThrows(UserAuthException.class,
                    () -> ssh.auth(user, AgentAuth.methods(client, id -> touchPrompts.incrementAndGet())));
            assertEquals(0, touchPrompts.get());
            assertEquals(0, fido.requests(AgentMessages.SSH2_AGENTC_SIGN_REQUEST));
        }
    }

    @Test
    void untouchedSecurityKeyFailsWithAClearReason(@TempDir Path tmp) throws Exception {
        try (FakeAgent fido = FakeAgent.start(tmp.resolve("fido.sock"), securityKey.agent(null));
             AgentClient client = new AgentClient(tmp.resolve("fido.sock"));
             SSHClient ssh = connect()) {
            UserAuthException e = assertThrows(UserAuthException.class,
                    () -> ssh.auth(user, AgentAuth.methods(client)));
            assertTrue(causedBy(e, AgentException.Reason.REFUSED,
                    "ssh-agent refused to sign with fake-fido (security key not touched"), String.valueOf(e.getCause()));
            assertTrue(ssh.isConnected());
        }
    }

    /**
     * sshj signs on its transport thread but waits only {@code Transport.getTimeoutMs()} for the outcome, so a slow
     * touch needs that timeout raised to the agent's sign timeout for the duration of authentication.
     */
    @Test
    void slowTouchNeedsTheTransportTimeoutRaised(@TempDir Path tmp) throws Exception {
        try (FakeAgent fido = FakeAgent.start(tmp.resolve("fido.sock"), securityKey.agent(Duration.ofMillis(1500)));
             AgentClient client = new AgentClient(tmp.resolve("fido.sock"))) {
            try (SSHClient ssh = connect()) {
                ssh.getTransport().setTimeoutMs(500); // a transport tuned for quick failure
                UserAuthException e = assertThrows(UserAuthException.class,
                        () -> ssh.auth(user, AgentAuth.methods(client)));
                assertTrue(String.valueOf(e.getCause()).contains("Timeout expired: 500 MILLISECONDS"),
                        String.valueOf(e.getCause()));
            }
            try (SSHClient ssh = connect()) {
                ssh.getTransport().setTimeoutMs(500);
                // What a transport must do around agent authentication:
                int normal = ssh.getTransport().getTimeoutMs();
                ssh.getTransport().setTimeoutMs((int) Math.max(normal, client.signTimeout().toMillis() + 5_000));
                try {
                    ssh.auth(user, AgentAuth.methods(client));
                } finally {
                    ssh.getTransport().setTimeoutMs(normal);
                }
                assertEquals("ok\n", run(ssh, "echo ok"));
            }
        }
    }
}

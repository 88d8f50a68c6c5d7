package dev.fleetdeck.transport.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end: sshj + AgentAuthMethod + a real ssh-agent (or a simulated FIDO agent) against a real OpenSSH sshd. */
class AgentAuthSshdTest {

    static final String USER = System.getProperty("user.name");

    @TempDir
    static Path dir;
    static ThrowawaySshd sshd;
    static SshAgentProcess agent;
    static AgentClient agentClient;
    static Path rsa;
    static FakeSecurityKey securityKey;

    @BeforeAll
    static void startServerAndAgent() throws Exception {
        Path ed25519 = Proc.keygen(dir, "id_ed25519", "test-ed25519", "-t", "ed25519");
        rsa = Proc.keygen(dir, "id_rsa", "test-rsa", "-t", "rsa", "-b", "2048");
        Path ecdsa = Proc.keygen(dir, "id_ecdsa", "test-ecdsa", "-t", "ecdsa", "-b", "256");
        Path stranger = Proc.keygen(dir, "id_stranger", "test-stranger", "-t", "ed25519");
        securityKey = new FakeSecurityKey();

        Path authorized = dir.resolve("authorized_keys");
        List<String> lines = new ArrayList<>();
        for (Path key : List.of(ed25519, rsa, ecdsa)) {
            lines.add(Files.readString(key.resolveSibling(key.getFileName() + ".pub")).trim());
        }
        lines.add(securityKey.authorizedKeysLine());
        Files.write(authorized, lines);
        sshd = ThrowawaySshd.start(dir, authorized);

        agent = SshAgentProcess.start(dir);
        agent.add(stranger); // first, so AgentAuth.methods offers a refused key before an accepted one
        agent.add(ed25519);
        agent.add(rsa);
        agent.add(ecdsa);
        agentClient = new AgentClient(agent.socket());
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    /** Accepts exactly the host key the test generated, nothing else. */
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
        ssh.addHostKeyVerifier(only(sshd.hostKeyBlob()));
        ssh.setConnectTimeout(10_000);
        ssh.getTransport().setTimeoutMs(10_000);
        ssh.connect("127.0.0.1", sshd.port());
        return ssh;
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
            ssh.auth(USER, new AgentAuthMethod(agentClient, id));
            assertTrue(ssh.isAuthenticated());
            assertEquals("ok\n", run(ssh, "echo ok"));
        }
        assertTrue(sshd.log().contains("Accepted publickey for " + USER), sshd.log());
    }

    @Test
    void rsaKeyUsesRsaSha2WhichOpenSsh92Accepts() throws Exception {
        AgentIdentity id = identity(agentClient, "test-rsa");
        try (SSHClient ssh = connect()) {
            ssh.auth(USER, new AgentAuthMethod(agentClient, id));
            assertEquals("ok\n", run(ssh, "echo ok"));
        }
        String accepted = "Accepted publickey for " + USER + " from 127.0.0.1";
        assertTrue(sshd.log().lines().anyMatch(l -> l.contains(accepted) && l.contains(id.fingerprint())),
                sshd.log());
        assertTrue(sshd.log().lines().anyMatch(l -> l.contains("pkalg rsa-sha2-512") && l.contains(id.fingerprint())),
                "sshd saw the rsa-sha2-512 algorithm:\n" + sshd.log());
        assertFalse(sshd.log().contains("pkalg ssh-rsa "), sshd.log());
    }

    /** The control: the same RSA key signing with SHA-1 (what jsch-agent-proxy did) is refused by this server. */
    @Test
    void sha1RsaIsRefusedByThisServer() throws Exception {
        DefaultConfig sha1Only = new DefaultConfig();
        // ssh-ed25519 stays for the host key; ssh-rsa is the only algorithm sshj can then use for an RSA user key.
        sha1Only.setKeyAlgorithms(List.of(KeyAlgorithms.EdDSA25519(), KeyAlgorithms.SSHRSA()));
        try (SSHClient ssh = connect(sha1Only)) {
            assertThrows(UserAuthException.class, () -> ssh.authPublickey(USER, ssh.loadKeys(rsa.toString())));
            assertFalse(ssh.isAuthenticated());
        }
        assertTrue(sshd.log().contains("signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms"), sshd.log());
    }

    @Test
    void unauthorizedKeyFailsCleanlyAndTheConnectionStaysUsable() throws Exception {
        AgentIdentity stranger = identity(agentClient, "test-stranger");
        try (SSHClient ssh = connect()) {
            UserAuthException e = assertThrows(UserAuthException.class,
                    () -> ssh.auth(USER, new AgentAuthMethod(agentClient, stranger)));
            assertTrue(e.getMessage().contains("Exhausted available authentication methods"), e.getMessage());
            assertFalse(ssh.isAuthenticated());
            assertTrue(ssh.isConnected());
            ssh.auth(USER, new AgentAuthMethod(agentClient, identity(agentClient, "test-ed25519")));
            assertEquals("ok\n", run(ssh, "echo ok"));
        }
    }

    @Test
    void allAgentKeysTogetherFindTheAuthorizedOne() throws Exception {
        List<AuthMethod> methods = AgentAuth.methods(agentClient);
        assertEquals(4, methods.size());
        try (SSHClient ssh = connect()) {
            ssh.auth(USER, methods);
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
                    () -> ssh.connect("127.0.0.1", sshd.port()));
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
            ssh.auth(USER, methods);
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
                    () -> ssh.auth(USER, AgentAuth.methods(client, id -> touchPrompts.incrementAndGet())));
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
                    () -> ssh.auth(USER, AgentAuth.methods(client)));
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
                        () -> ssh.auth(USER, AgentAuth.methods(client)));
                assertTrue(String.valueOf(e.getCause()).contains("Timeout expired: 500 MILLISECONDS"),
                        String.valueOf(e.getCause()));
            }
            try (SSHClient ssh = connect()) {
                ssh.getTransport().setTimeoutMs(500);
                // What a transport must do around agent authentication:
                int normal = ssh.getTransport().getTimeoutMs();
                ssh.getTransport().setTimeoutMs((int) Math.max(normal, client.signTimeout().toMillis() + 5_000));
                try {
                    ssh.auth(USER, AgentAuth.methods(client));
                } finally {
                    ssh.getTransport().setTimeoutMs(normal);
                }
                assertEquals("ok\n", run(ssh, "echo ok"));
            }
        }
    }
}

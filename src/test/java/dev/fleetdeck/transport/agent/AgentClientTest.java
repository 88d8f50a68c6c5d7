package dev.fleetdeck.transport.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.demo.SshKeys;
import dev.fleetdeck.testbed.TestAgent;
import dev.fleetdeck.transport.agent.AgentException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AgentClient against a real OpenSSH ssh-agent, plus a scripted agent for misbehaviour a real one never shows. */
class AgentClientTest {

    @TempDir
    static Path keys;
    static TestAgent agent;
    static Path ed25519;
    static Path rsa;
    static Path ecdsa;

    @BeforeAll
    static void startAgentWithKeys() {
        ed25519 = SshKeys.generate("ed25519", keys.resolve("id_ed25519"), "", "test-ed25519");
        rsa = SshKeys.generate("rsa", keys.resolve("id_rsa"), "", "test-rsa");
        ecdsa = SshKeys.generate("ecdsa", keys.resolve("id_ecdsa"), "", "test-ecdsa");
        agent = TestAgent.start(keys);
        agent.add(ed25519);
        agent.add(rsa);
        agent.add(ecdsa);
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    private static AgentIdentity find(List<AgentIdentity> ids, String comment) {
        return ids.stream().filter(i -> i.comment().equals(comment)).findFirst()
                .orElseThrow(() -> new AssertionError("agent does not list " + comment + ": " + ids));
    }

    @Test
    void listsEveryKeyWithSshKeygenFingerprints() throws Exception {
        try (AgentClient client = new AgentClient(agent.socket())) {
            List<AgentIdentity> ids = client.identities();
            assertEquals(3, ids.size(), ids.toString());
            Map<String, String> byComment = ids.stream()
                    .collect(Collectors.toMap(AgentIdentity::comment, AgentIdentity::fingerprint));
            assertEquals(SshKeys.keygenFingerprint(SshKeys.publicFile(ed25519)), byComment.get("test-ed25519"));
            assertEquals(SshKeys.keygenFingerprint(SshKeys.publicFile(rsa)), byComment.get("test-rsa"));
            assertEquals(SshKeys.keygenFingerprint(SshKeys.publicFile(ecdsa)), byComment.get("test-ecdsa"));
            assertEquals("ssh-ed25519", find(ids, "test-ed25519").keyType());
            assertEquals("ssh-rsa", find(ids, "test-rsa").keyType());
            assertEquals("ecdsa-sha2-nistp256", find(ids, "test-ecdsa").keyType());
        }
    }

    @Test
    void signaturesVerifyWithJdkCrypto() throws Exception {
        byte[] data = "fleetdeck says hello".getBytes(StandardCharsets.UTF_8);
        try (AgentClient client = new AgentClient(agent.socket())) {
            List<AgentIdentity> ids = client.identities();
            AgentIdentity ed = find(ids, "test-ed25519");
            assertEquals("ssh-ed25519", SshSignatures.verify(ed.blob(), client.sign(ed, data, 0), data));

            AgentIdentity r = find(ids, "test-rsa");
            assertEquals("rsa-sha2-512", SshSignatures.verify(r.blob(),
                    client.sign(r, data, AgentClient.SSH_AGENT_RSA_SHA2_512), data));
            assertEquals("rsa-sha2-256", SshSignatures.verify(r.blob(),
                    client.sign(r, data, AgentClient.SSH_AGENT_RSA_SHA2_256), data));

            AgentIdentity ec = find(ids, "test-ecdsa");
            assertEquals("ecdsa-sha2-nistp256", SshSignatures.verify(ec.blob(), client.sign(ec, data, 0), data));
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnSignature() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AgentClient client = new AgentClient(agent.socket())) {
            AgentIdentity ed = find(client.identities(), "test-ed25519");
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> SshSignatures.verify(ed.blob(), client.sign(ed, data, 0), data)));
            }
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyAgentHasNoIdentities(@TempDir Path dir) throws Exception {
        try (TestAgent empty = TestAgent.start(dir);
             AgentClient client = new AgentClient(empty.socket())) {
            assertEquals(List.of(), client.identities());
        }
    }

    @Test
    void removedKeyCannotSign(@TempDir Path dir) throws Exception {
        try (TestAgent own = TestAgent.start(dir);
             AgentClient client = new AgentClient(own.socket())) {
            own.add(ed25519);
            AgentIdentity id = client.identities().get(0);
            own.remove(SshKeys.publicFile(ed25519));
            AgentException e = assertThrows(AgentException.class, () -> client.sign(id, new byte[] {1}, 0));
            assertEquals(Reason.REFUSED, e.reason());
            assertTrue(e.getMessage().contains("refused to sign with test-ed25519"), e.getMessage());
        }
    }

    @Test
    void missingSocketIsReportedClearly(@TempDir Path dir) {
        Path nowhere = dir.resolve("no-agent.sock");
        AgentException e = assertThrows(AgentException.class, () -> new AgentClient(nowhere).identities());
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cannot reach ssh-agent at " + nowhere), e.getMessage());
    }

    @Test
    void deadAgentIsReportedClearly(@TempDir Path dir) throws Exception {
        TestAgent dead = TestAgent.start(dir);
        dead.kill();
        assertTrue(Files.exists(dead.socket()), "a killed agent leaves its socket file behind");
        AgentException e = assertThrows(AgentException.class, () -> new AgentClient(dead.socket()).identities());
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains("is the agent running?"), e.getMessage());
    }

    @Test
    void socketComesFromSshAuthSock() throws Exception {
        AgentException e = assertThrows(AgentException.class, () -> AgentClient.fromEnvironment(Map.of()));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("SSH_AUTH_SOCK is not set"), e.getMessage());
        try (AgentClient client = AgentClient.fromEnvironment(agent.env())) {
            assertEquals(agent.socket(), client.socket());
            assertEquals(3, client.identities().size());
        }
    }

    @Test
    void silentAgentTimesOut(@TempDir Path dir) throws Exception {
        try (FakeAgent silent = FakeAgent.start(dir.resolve("a.sock"), (type, payload) -> null)) {
            AgentClient client = new AgentClient(dir.resolve("a.sock"), Duration.ofMillis(200),
                    Duration.ofMillis(300));
            long start = System.nanoTime();
            AgentException list = assertThrows(AgentException.class, client::identities);
            assertEquals(Reason.TIMEOUT, list.reason());
            assertTrue(list.getMessage().contains("did not list its keys within 200 ms"), list.getMessage());

            AgentIdentity id = new AgentIdentity(new AgentMessages.Writer().string("ssh-ed25519")
                    .string(new byte[32]).bytes(), "touch-me");
            AgentException sign = assertThrows(AgentException.class, () -> client.sign(id, new byte[] {1}, 0));
            assertEquals(Reason.TIMEOUT, sign.reason());
            assertTrue(sign.getMessage().contains("did not sign with touch-me within 300 ms"), sign.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        }
    }

    @Test
    void oversizedOrMalformedAnswersAreRejected(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("a.sock");
        AtomicReference<byte[]> answer = new AtomicReference<>();
        try (FakeAgent liar = FakeAgent.start(sock, (type, payload) -> answer.get())) {
            AgentClient client = new AgentClient(sock);

            answer.set(new AgentMessages.Writer().u32(AgentMessages.MAX_MESSAGE + 1).bytes());
            AgentException big = assertThrows(AgentException.class, client::identities);
            assertEquals(Reason.PROTOCOL, big.reason());
            assertTrue(big.getMessage().contains("limit 262144"), big.getMessage());

            answer.set(new AgentMessages.Writer().u32(0).bytes());
            assertEquals(Reason.PROTOCOL, assertThrows(AgentException.class, client::identities).reason());

            answer.set(new AgentMessages.Writer().u32(10).u8(12).bytes()); // then hangs up mid-message
            AgentException cut = assertThrows(AgentException.class, client::identities);
            assertTrue(cut.getMessage().contains("closed the connection"), cut.getMessage());

            answer.set(FakeAgent.reply(99));
            AgentException odd = assertThrows(AgentException.class, client::identities);
            assertTrue(odd.getMessage().contains("unexpected message type 99"), odd.getMessage());

            answer.set(FakeAgent.reply(AgentMessages.SSH2_AGENT_FAILURE)); // legacy failure code
            assertEquals(Reason.REFUSED, assertThrows(AgentException.class, client::identities).reason());
        }
    }
}

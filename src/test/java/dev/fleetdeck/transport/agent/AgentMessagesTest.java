package dev.fleetdeck.transport.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentMessagesTest {

    private static byte[] blob(String type, byte[] rest) {
        return new AgentMessages.Writer().string(type).string(rest).bytes();
    }

    @Test
    void requestsAreLengthPrefixedAndTyped() {
        assertArrayEquals(new byte[] {0, 0, 0, 1, 11}, AgentMessages.requestIdentities());
        byte[] sign = AgentMessages.signRequest(new byte[] {7, 7}, new byte[] {9}, 4);
        assertArrayEquals(new byte[] {0, 0, 0, 16, 13, 0, 0, 0, 2, 7, 7, 0, 0, 0, 1, 9, 0, 0, 0, 4}, sign);
    }

    @Test
    void keyTypeIsTheFirstStringAndNothingMore() {
        assertEquals("sk-ssh-ed25519@openssh.com", AgentMessages.keyType(blob("sk-ssh-ed25519@openssh.com",
                new byte[] {1, 2, 3})));
        assertNull(AgentMessages.keyType(new byte[] {0, 0, 0, 9, 'a'}), "length beyond the blob");
        assertNull(AgentMessages.keyType(new byte[] {0, 0}), "truncated length");
        assertNull(AgentMessages.keyType(new byte[] {0, 0, 0, 0}), "empty name");
        assertNull(AgentMessages.keyType(new byte[] {0, 0, 0, 2, 'a', '\n'}), "control character");
    }

    @Test
    void identitiesAnswerIsParsedWithCommentsAndOpaqueBlobs() throws Exception {
        byte[] sk = blob("sk-ssh-ed25519@openssh.com", new byte[32]);
        byte[] ed = blob("ssh-ed25519", new byte[32]);
        ByteBuffer payload = ByteBuffer.wrap(new AgentMessages.Writer()
                .u32(2).string(sk).string("yubikey").string(ed).string("ünïcode").bytes());
        List<AgentIdentity> ids = AgentMessages.parseIdentities(payload);
        assertEquals(2, ids.size());
        assertEquals("sk-ssh-ed25519@openssh.com", ids.get(0).keyType());
        assertTrue(ids.get(0).isSecurityKey());
        assertEquals("yubikey", ids.get(0).comment());
        assertArrayEquals(sk, ids.get(0).blob());
        assertEquals("ünïcode", ids.get(1).comment());
    }

    @Test
    void lyingOrTruncatedAnswersAreRejected() {
        ByteBuffer hugeCount = ByteBuffer.wrap(new AgentMessages.Writer().u32(0xffffffffL).bytes());
        AgentException e = assertThrows(AgentException.class, () -> AgentMessages.parseIdentities(hugeCount));
        assertEquals(AgentException.Reason.PROTOCOL, e.reason());

        ByteBuffer truncated = ByteBuffer.wrap(new AgentMessages.Writer().u32(1).u32(100).u32(0).bytes());
        assertThrows(AgentException.class, () -> AgentMessages.parseIdentities(truncated));

        ByteBuffer notAKey = ByteBuffer.wrap(new AgentMessages.Writer().u32(1).string(new byte[] {1, 2, 3, 4, 5, 6})
                .string("x").bytes());
        assertThrows(AgentException.class, () -> AgentMessages.parseIdentities(notAKey));
    }

    @Test
    void fingerprintIsUnpaddedBase64OfSha256OfTheBlob() throws Exception {
        byte[] b = blob("ssh-ed25519", new byte[32]);
        String expected = "SHA256:" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(b)).replace("=", "");
        AgentIdentity id = new AgentIdentity(b, "c");
        assertEquals(expected, id.fingerprint());
        assertEquals(50, id.fingerprint().length(), "7 + 43 characters, no '=' padding");
    }

    @Test
    void identityIsImmutableAndComparesByContent() {
        byte[] b = blob("ssh-ed25519", new byte[32]);
        AgentIdentity id = new AgentIdentity(b, "c");
        b[10] = 42;
        id.blob()[11] = 42;
        assertEquals(new AgentIdentity(blob("ssh-ed25519", new byte[32]), "c"), id);
        assertNotEquals(new AgentIdentity(blob("ssh-ed25519", new byte[32]), "d"), id);
        assertThrows(IllegalArgumentException.class,
                () -> new AgentIdentity(blob("ssh-ed25519", new byte[32]), "c", "ssh-rsa"));
    }

    @Test
    void rsaNeverSignsWithSha1AndOtherTypesSignAsThemselves() {
        assertEquals(List.of("rsa-sha2-512", "rsa-sha2-256"), AgentAuthMethod.algorithmsFor("ssh-rsa"));
        assertEquals(List.of("rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com"),
                AgentAuthMethod.algorithmsFor("ssh-rsa-cert-v01@openssh.com"));
        assertEquals(List.of("sk-ssh-ed25519@openssh.com"),
                AgentAuthMethod.algorithmsFor("sk-ssh-ed25519@openssh.com"));
        assertEquals(4, AgentAuthMethod.signFlags("rsa-sha2-512"));
        assertEquals(2, AgentAuthMethod.signFlags("rsa-sha2-256-cert-v01@openssh.com"));
        assertEquals(0, AgentAuthMethod.signFlags("ssh-ed25519"));
    }

    @Test
    void signedDataFollowsRfc4252Section7() {
        byte[] sessionId = {1, 2, 3};
        byte[] key = {4, 5};
        byte[] data = AgentAuthMethod.dataToSign(sessionId, "root", "ssh-connection", "ssh-ed25519", key);
        ByteBuffer expected = ByteBuffer.allocate(data.length);
        expected.putInt(3).put(sessionId);
        expected.put((byte) 50);
        putString(expected, "root");
        putString(expected, "ssh-connection");
        putString(expected, "publickey");
        expected.put((byte) 1);
        putString(expected, "ssh-ed25519");
        expected.putInt(2).put(key);
        assertArrayEquals(expected.array(), data);
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(bytes.length).put(bytes);
    }
}

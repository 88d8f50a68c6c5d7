package dev.fleetdeck.transport.agent;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * A software stand-in for a FIDO security key holding an {@code sk-ssh-ed25519@openssh.com} key: it signs
 * exactly as a token does (OpenSSH PROTOCOL.u2f), so a real sshd verifies it, but needs no hardware.
 */
final class FakeSecurityKey {

    static final String TYPE = "sk-ssh-ed25519@openssh.com";
    private static final String APPLICATION = "ssh:";
    /** SSH_SK_USER_PRESENCE_REQD: the "user touched the key" flag sshd insists on by default. */
    private static final int USER_PRESENCE = 0x01;

    private final KeyPair pair;
    private int counter;

    FakeSecurityKey() throws Exception {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** {@code string type, string ed25519 public key, string application}. */
    byte[] blob() {
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length); // X.509 prefix + 32-byte key
        return new AgentMessages.Writer().string(TYPE).string(raw).string(APPLICATION).bytes();
    }

    String authorizedKeysLine() {
        return TYPE + " " + Base64.getEncoder().encodeToString(blob()) + " fake-fido";
    }

    /** A signature blob: {@code string type, string ed25519 sig, byte flags, uint32 counter}. */
    synchronized byte[] sign(byte[] data) throws Exception {
        counter++;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] appHash = sha.digest(APPLICATION.getBytes(StandardCharsets.US_ASCII));
        byte[] msgHash = sha.digest(data);
        byte[] signed = new AgentMessages.Writer().raw(appHash).u8(USER_PRESENCE).u32(counter).raw(msgHash).bytes();
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(pair.getPrivate());
        ed.update(signed);
        return new AgentMessages.Writer().string(TYPE).string(ed.sign()).u8(USER_PRESENCE).u32(counter).bytes();
    }

    /**
     * An agent holding just this key. {@code touch} is how long the human takes to touch it; {@code null} means
     * nobody touches it and the agent answers SSH_AGENT_FAILURE, as ssh-agent does when the token times out.
     */
    FakeAgent.Responder agent(Duration touch) {
        return (type, payload) -> {
            if (type == AgentMessages.SSH2_AGENTC_REQUEST_IDENTITIES) {
                return FakeAgent.reply(AgentMessages.SSH2_AGENT_IDENTITIES_ANSWER,
                        new AgentMessages.Writer().u32(1).string(blob()).string("fake-fido"));
            }
            if (type == AgentMessages.SSH2_AGENTC_SIGN_REQUEST) {
                AgentMessages.Reader r = new AgentMessages.Reader(payload);
                byte[] key = r.string();
                byte[] data = r.string();
                long flags = r.u32();
                if (touch == null || !Arrays.equals(key, blob()) || flags != 0) {
                    return FakeAgent.reply(AgentMessages.SSH_AGENT_FAILURE);
                }
                Thread.sleep(touch.toMillis()); // the human reaching for the token
                return FakeAgent.reply(AgentMessages.SSH2_AGENT_SIGN_RESPONSE,
                        new AgentMessages.Writer().string(sign(data)));
            }
            return FakeAgent.reply(AgentMessages.SSH_AGENT_FAILURE);
        };
    }
}

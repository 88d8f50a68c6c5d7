package dev.fleetdeck.transport.agent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One key the agent holds. The public key blob is kept opaque (never turned into a {@code java.security}
 * key), so key types Java cannot parse, such as {@code sk-ssh-ed25519@openssh.com} on a FIDO token, work too.
 *
 * @param blob    the SSH public key blob, exactly as the agent sent it (RFC 4253 §6.6 encoding)
 * @param comment the agent's comment, usually the key file or {@code user@host}; may be empty
 * @param keyType the blob's leading type name, e.g. {@code ssh-ed25519}, {@code ssh-rsa}
 */
public record AgentIdentity(byte[] blob, String comment, String keyType) {

    public AgentIdentity {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(keyType, "keyType");
        blob = blob.clone();
        if (!keyType.equals(AgentMessages.keyType(blob))) {
            throw new IllegalArgumentException("key blob does not start with type " + keyType);
        }
    }

    /** An identity whose type is read from the blob. */
    public AgentIdentity(byte[] blob, String comment) {
        this(blob, comment, requireType(blob));
    }

    private static String requireType(byte[] blob) {
        String type = AgentMessages.keyType(blob);
        if (type == null) {
            throw new IllegalArgumentException("not an SSH public key blob");
        }
        return type;
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** {@code SHA256:<unpadded base64>}, exactly as {@code ssh-keygen -lf} and {@code ssh-add -l} print it. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether signing needs a FIDO security key (and so, usually, a touch). */
    public boolean isSecurityKey() {
        return keyType.startsWith("sk-");
    }

    /** For messages: type, fingerprint and comment, e.g. {@code ssh-ed25519 SHA256:… me@laptop}. */
    public String label() {
        return comment.isEmpty() ? keyType + " " + fingerprint() : keyType + " " + fingerprint() + " " + comment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentIdentity other && Arrays.equals(blob, other.blob)
                && comment.equals(other.comment);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob) * 31 + comment.hashCode();
    }

    @Override
    public String toString() {
        return "AgentIdentity[" + label() + "]";
    }
}

package dev.fleetdeck.transport.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;

/** SHA256 fingerprints exactly as {@code ssh-keygen -lf} prints them (sshj itself only offers MD5). */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    public static String sha256(PublicKey key) {
        return sha256(blob(key));
    }

    /** The SSH wire encoding of a public key, as known_hosts stores it in base64. */
    public static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}

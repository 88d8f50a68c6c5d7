package dev.fleetdeck.transport.agent;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Checks agent signatures with plain JDK crypto, independent of sshj and of the code under test. */
final class SshSignatures {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final byte[] ED25519_X509_PREFIX = {
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private SshSignatures() {
    }

    /** Verifies {@code sigBlob} over {@code data} with the key in {@code keyBlob}; returns the signature's algorithm. */
    static String verify(byte[] keyBlob, byte[] sigBlob, byte[] data) throws Exception {
        AgentMessages.Reader key = reader(keyBlob);
        AgentMessages.Reader sig = reader(sigBlob);
        String keyType = key.ascii();
        String algorithm = sig.ascii();
        byte[] signature = sig.string();
        Signature verifier;
        PublicKey publicKey;
        switch (keyType) {
            case "ssh-ed25519" -> {
                byte[] raw = key.string();
                byte[] x509 = Arrays.copyOf(ED25519_X509_PREFIX, ED25519_X509_PREFIX.length + raw.length);
                System.arraycopy(raw, 0, x509, ED25519_X509_PREFIX.length, raw.length);
                publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
                verifier = Signature.getInstance("Ed25519");
            }
            case "ssh-rsa" -> {
                BigInteger e = new BigInteger(key.string());
                BigInteger n = new BigInteger(key.string());
                publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                verifier = Signature.getInstance(switch (algorithm) {
                    case "rsa-sha2-512" -> "SHA512withRSA";
                    case "rsa-sha2-256" -> "SHA256withRSA";
                    default -> throw new AssertionError("unexpected RSA signature algorithm " + algorithm);
                });
            }
            case "ecdsa-sha2-nistp256" -> {
                key.ascii(); // curve name, "nistp256"
                byte[] q = key.string(); // 0x04 || x || y
                AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                params.init(new ECGenParameterSpec("secp256r1"));
                ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(q, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(q, 33, 65)));
                publicKey = KeyFactory.getInstance("EC").generatePublic(
                        new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class)));
                AgentMessages.Reader rs = reader(signature); // mpint r, mpint s
                byte[] p1363 = new byte[64];
                fixed32(new BigInteger(rs.string()), p1363, 0);
                fixed32(new BigInteger(rs.string()), p1363, 32);
                signature = p1363;
                verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            }
            default -> throw new AssertionError("no verifier for " + keyType);
        }
        verifier.initVerify(publicKey);
        verifier.update(data);
        if (!verifier.verify(signature)) {
            throw new AssertionError(algorithm + " signature does not verify");
        }
        return algorithm;
    }

    private static AgentMessages.Reader reader(byte[] b) {
        return new AgentMessages.Reader(ByteBuffer.wrap(b));
    }

    private static void fixed32(BigInteger v, byte[] out, int at) {
        byte[] b = v.toByteArray(); // may carry a leading 0 or be short
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }
}

package dev.fleetdeck.transport.ssh;

import dev.fleetdeck.io.AtomicFiles;
import dev.fleetdeck.transport.HostKeyConfirmer;
import dev.fleetdeck.transport.HostKeyConfirmer.UnknownHostKey;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.KnownHostEntry;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.Marker;

/**
 * Checks host keys against an OpenSSH known_hosts file, stricter than sshj's own verifier: any entry for the
 * host with another key — of any type — is a changed key and refused (sshj would call a new key type
 * "unknown" and ask). Unknown hosts go to a {@link HostKeyConfirmer} with the SHA256 fingerprint; a confirmed
 * key is appended atomically, hashed when the file already uses hashed names.
 *
 * <p>One instance per connection attempt: it remembers its verdict so the caller can explain a refusal.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {

    /** Why the last key was refused (or {@link #ACCEPTED}). */
    public enum Verdict { NONE, ACCEPTED, UNKNOWN_REFUSED, CHANGED, REVOKED, UNREADABLE }

    /** All verifiers of one JVM append to known_hosts one at a time. */
    private static final Object WRITE_LOCK = new Object();

    private final Path file;
    private final HostKeyConfirmer confirmer;
    private volatile Verdict verdict = Verdict.NONE;
    private volatile String presentedFingerprint;
    private volatile String presentedType;

    public KnownHostsVerifier(Path file, HostKeyConfirmer confirmer) {
        this.file = file;
        this.confirmer = confirmer;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }

    public String presentedType() {
        return presentedType;
    }

    public static String knownHostsName(String hostname, int port) {
        String h = hostname.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String name = knownHostsName(hostname, port);
        KeyType type = KeyType.fromKey(key);
        presentedType = type.toString();
        presentedFingerprint = Fingerprints.sha256(key);
        List<KnownHostEntry> entries;
        try {
            entries = entriesFor(name);
        } catch (IOException e) {
            verdict = Verdict.UNREADABLE;
            return false;
        }
        boolean anyEntry = false;
        for (KnownHostEntry e : entries) {
            try {
                boolean revoked = e.getLine().startsWith(Marker.REVOKED.getMarkerString());
                if (revoked) {
                    if (e.getType() == type && sameKey(e, key)) {
                        verdict = Verdict.REVOKED;
                        return false;
                    }
                    continue;
                }
                anyEntry = true;
                if (e.getType() == type && e.verify(key)) {
                    verdict = Verdict.ACCEPTED;
                    return true;
                }
            } catch (IOException ex) {
                verdict = Verdict.UNREADABLE;
                return false;
            }
        }
        if (anyEntry) {
            verdict = Verdict.CHANGED;
            return false;
        }
        if (!confirmer.trust(new UnknownHostKey(name, presentedType, presentedFingerprint))) {
            verdict = Verdict.UNKNOWN_REFUSED;
            return false;
        }
        try {
            record(name, key);
        } catch (IOException e) {
            verdict = Verdict.UNREADABLE;
            return false;
        }
        verdict = Verdict.ACCEPTED;
        return true;
    }

    /** Key types already known for the host, so the key exchange asks the server for one of those. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        List<String> algorithms = new ArrayList<>();
        try {
            for (KnownHostEntry e : entriesFor(knownHostsName(hostname, port))) {
                String t = e.getType().toString();
                if (!algorithms.contains(t)) algorithms.add(t);
                // sshj negotiates RSA host keys by signature algorithm name, not key type.
                if (e.getType() == KeyType.RSA) {
                    for (String alg : List.of("rsa-sha2-512", "rsa-sha2-256")) {
                        if (!algorithms.contains(alg)) algorithms.add(alg);
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return algorithms;
    }

    private List<KnownHostEntry> entriesFor(String name) throws IOException {
        if (!Files.exists(file)) return List.of();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        OpenSSHKnownHosts parsed = new OpenSSHKnownHosts(new StringReader(text));
        List<KnownHostEntry> out = new ArrayList<>();
        for (KnownHostEntry e : parsed.entries()) {
            if (e instanceof OpenSSHKnownHosts.HostEntry && !e.getLine().startsWith("@cert-authority")
                    && e.appliesTo(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean sameKey(KnownHostEntry e, PublicKey key) {
        String line = e.getLine();
        return line.contains(Base64.getEncoder().encodeToString(Fingerprints.blob(key)));
    }

    private void record(String name, PublicKey key) throws IOException {
        synchronized (WRITE_LOCK) {
            String hostPart = usesHashedNames() ? hashed(name) : name;
            String line = hostPart + " " + KeyType.fromKey(key) + " "
                    + Base64.getEncoder().encodeToString(Fingerprints.blob(key));
            AtomicFiles.appendLine(file, line);
        }
    }

    private boolean usesHashedNames() throws IOException {
        if (!Files.exists(file)) return false;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> l.startsWith("|1|"));
        }
    }

    /** OpenSSH's HashKnownHosts form: |1|base64(salt)|base64(HMAC-SHA1(salt, name)). */
    private static String hashed(String name) {
        try {
            byte[] salt = new byte[20];
            new SecureRandom().nextBytes(salt);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("JDK without HmacSHA1", e);
        }
    }
}

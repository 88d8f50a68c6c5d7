package dev.fleetdeck.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Key files made by the real ssh-keygen, and the bits of OpenSSH public-key format the test bed needs. Tests use
 * {@link #generate} for keys of their own (no host authorizes them until {@code TestHost#authorize} is called).
 */
public final class SshKeys {
    private SshKeys() {
    }

    /** Writes {@code file} and {@code file.pub}; an empty passphrase leaves the private key unencrypted. */
    public static Path generate(String type, Path file, String passphrase, String comment) {
        try {
            // ssh-keygen asks before overwriting; stale files would make it hang on that question.
            Files.deleteIfExists(file);
            Files.deleteIfExists(publicFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Exec.check("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", comment, "-f", file.toString());
        return file;
    }

    /** {@code key.pub} next to {@code key}. */
    public static Path publicFile(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** "type base64" of a .pub file, without the comment. */
    public static String publicKeyLine(Path publicKeyFile) {
        try {
            String[] fields = Files.readString(publicKeyFile, StandardCharsets.UTF_8).trim().split("\\s+");
            if (fields.length < 2) throw new IllegalArgumentException("not an OpenSSH public key: " + publicKeyFile);
            return fields[0] + " " + fields[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "SHA256:..." fingerprint of a .pub file, as printed by the real {@code ssh-keygen -lf} (it runs it). */
    public static String keygenFingerprint(Path publicKeyFile) {
        return Exec.check("ssh-keygen", "-lf", publicKeyFile.toString()).trim().split("\\s+")[1];
    }

    /** The "SHA256:..." fingerprint exactly as ssh-keygen -l prints it: unpadded base64 of the blob's hash. */
    public static String fingerprint(String publicKeyLine) {
        byte[] blob = Base64.getDecoder().decode(publicKeyLine.split(" ")[1]);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The client keys shared by all hosts of one {@link TestHosts}. Each key is generated on first use (RSA takes
 * ~0.3 s, the encrypted key ~0.1 s for bcrypt) and appended to one shared authorized_keys file that every host's
 * sshd lists, so a key generated late is at once accepted everywhere.
 */
final class UserKeys {
    static final String PASSPHRASE = "fleetdeck test passphrase";

    private final Path dir;
    private final Path authorizedKeys;
    private final Map<String, Path> generated = new HashMap<>();

    UserKeys(Path dir) {
        this.dir = dir;
        this.authorizedKeys = dir.resolve("authorized_keys");
        try {
            Files.createDirectories(dir);
            Files.write(authorizedKeys, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path authorizedKeys() {
        return authorizedKeys;
    }

    Path ed25519() {
        return key("id_ed25519", "ed25519", "");
    }

    Path encryptedEd25519() {
        return key("id_ed25519_encrypted", "ed25519", PASSPHRASE);
    }

    Path rsa() {
        return key("id_rsa", "rsa", "");
    }

    Path ecdsa() {
        return key("id_ecdsa", "ecdsa", "");
    }

    private synchronized Path key(String name, String type, String passphrase) {
        Path existing = generated.get(name);
        if (existing != null) return existing;
        Path key = SshKeys.generate(type, dir.resolve(name), passphrase, "fleetdeck-testbed-" + name);
        appendAuthorized(authorizedKeys, SshKeys.publicFile(key));
        generated.put(name, key);
        return key;
    }

    static void appendAuthorized(Path authorizedKeysFile, Path publicKeyFile) {
        try {
            Files.writeString(authorizedKeysFile, SshKeys.publicKeyLine(publicKeyFile) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.fleetdeck.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so a crash or a full disk can never leave a half-written one: the bytes go to a temp file in
 * the same directory, are flushed to disk, and replace the target with one rename.
 */
public final class AtomicFiles {

    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}; a new file gets mode 0600, an existing one keeps its mode. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target) : PRIVATE;
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PRIVATE);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, mode);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Appends one line (adding the missing newline before it, if the file lacks one), atomically. */
    public static void appendLine(Path target, String line) throws IOException {
        byte[] old = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
        boolean needsNewline = old.length > 0 && old[old.length - 1] != '\n';
        byte[] add = ((needsNewline ? "\n" : "") + line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(old, old.length + add.length);
        System.arraycopy(add, 0, all, old.length, add.length);
        write(target, all);
    }
}

package dev.fleetdeck.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * This machine's lock on one host: {@code <state>/locks/<host>.lock}, held with an OS file lock for as long as
 * the deploy runs. The OS drops it when fleetdeck dies, so a crash never leaves a stale lock behind.
 */
final class LocalLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private LocalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another deploy (in this or another process) holds it. */
    static Optional<LocalLock> tryAcquire(Path stateDir, String host, String owner) throws IOException {
        Path dir = stateDir.resolve("locks");
        Files.createDirectories(dir);
        Path file = dir.resolve(host + ".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by another deploy in this JVM
        }
        if (l == null) {
            ch.close();
            return Optional.empty();
        }
        ch.truncate(0);
        ch.write(java.nio.ByteBuffer.wrap((owner + " pid " + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        return Optional.of(new LocalLock(ch, l));
    }

    /** Who holds the lock, as its holder wrote it (best effort). */
    static String holder(Path stateDir, String host) {
        try {
            return Files.readString(stateDir.resolve("locks").resolve(host + ".lock")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS drops the lock with the descriptor anyway
        }
    }
}

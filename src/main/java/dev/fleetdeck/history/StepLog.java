package dev.fleetdeck.history;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * One step's output log, open for appending while the step runs. Every line is one write(2) straight to the
 * kernel: no user-space buffer, so a kill -9 loses only a line being written. (No fsync per line: that guards
 * against power loss, not against a killed process, and would make a chatty step slow.)
 */
final class StepLog implements Closeable {

    private final FileChannel channel;

    StepLog(Path file) throws IOException {
        channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), RunStore.privateFile());
    }

    synchronized void append(String line) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) channel.write(buf);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}

package dev.fleetdeck.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Prompt history on JLine's {@link DefaultHistory}, persisted to a file kept at mode 0600 (commands can name
 * hosts and paths the operator would not share). JLine's history wants a LineReader for its settings; we give it
 * one over a dumb in-memory terminal that never touches the TTY.
 */
public final class PromptHistory {

    private final DefaultHistory history;
    private final Path file;
    private int index = -1;

    /** @param file the history file, or null to keep history in memory only */
    public PromptHistory(Path file) {
        this.file = file;
        LineReader headless;
        try {
            headless = LineReaderBuilder.builder()
                    .terminal(new DumbTerminal(InputStream.nullInputStream(), OutputStream.nullOutputStream()))
                    .variable(LineReader.HISTORY_SIZE, 2000).variable(LineReader.HISTORY_FILE_SIZE, 5000)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a headless line reader", e);
        }
        if (file != null) {
            headless.setVariable(LineReader.HISTORY_FILE, file);
            secure();
        }
        history = new DefaultHistory();
        history.attach(headless); // loads the file, if any
    }

    public void add(String line) {
        if (line.isBlank() || line.startsWith(" ")) return; // a leading space keeps a line out, as in shells
        history.add(line);
        index = -1;
        if (file != null) {
            try {
                history.save();
                secure();
            } catch (IOException e) {
                // history is a convenience; a read-only home must not break the console
            }
        }
    }

    public List<String> entries() {
        List<String> out = new ArrayList<>();
        for (History.Entry e : history) out.add(e.line());
        return out;
    }

    /** The entry before the one last returned (starting from the newest), or null at the oldest. */
    public String older() {
        List<String> all = entries();
        if (all.isEmpty()) return null;
        if (index == -1) index = all.size();
        if (index == 0) return null;
        return all.get(--index);
    }

    /** The entry after the one last returned, or null when back at the draft line. */
    public String newer() {
        List<String> all = entries();
        if (index == -1) return null;
        if (index + 1 >= all.size()) {
            index = -1;
            return null;
        }
        return all.get(++index);
    }

    public void resetWalk() {
        index = -1;
    }

    /** Newest entry at index below {@code before} containing {@code query}; its index, or -1. */
    public int searchBack(String query, int before) {
        List<String> all = entries();
        for (int i = Math.min(before, all.size()) - 1; i >= 0; i--) {
            if (all.get(i).contains(query)) return i;
        }
        return -1;
    }

    public String get(int i) {
        return entries().get(i);
    }

    public int size() {
        return history.size();
    }

    private void secure() {
        try {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not fatal: without a history file the prompt still works
        }
    }
}

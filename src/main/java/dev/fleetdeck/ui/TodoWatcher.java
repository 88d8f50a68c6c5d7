package dev.fleetdeck.ui;

import dev.fleetdeck.todo.ItemRef;
import dev.fleetdeck.todo.TodoDocument;
import dev.fleetdeck.todo.TodoException;
import dev.fleetdeck.todo.TodoFile;
import dev.fleetdeck.todo.TodoItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The TODO file's side of the console: reads, re-reads when it changed on disk, and writes toggles. Runs only
 * on the console's background executor, so the UI thread never touches the disk; results go back as
 * {@link Msg.TodoRead}. Synchronized anyway, in case an executor with several threads is plugged in.
 */
final class TodoWatcher {

    /** What tells a changed file: modification time, size and inode (an editor's save-by-rename changes it). */
    private record Stamp(Object modified, long size, Object key) {
    }

    private final Path file;
    private final Consumer<Msg> post;
    private Stamp seen;
    private TodoSnapshot last;

    TodoWatcher(Path file, Consumer<Msg> post) {
        this.file = file;
        this.post = post;
    }

    /** Posts the file's content when it changed since the last look (always with {@code force}). */
    synchronized void poll(boolean force) {
        Stamp now = stamp();
        if (!force && last != null && Objects.equals(now, seen)) return;
        seen = now;
        last = read(now);
        post.accept(new Msg.TodoRead(last));
    }

    /** Ticks or unticks an item of {@code doc} (the document the operator was looking at). */
    synchronized void toggle(TodoDocument doc, TodoItem item, boolean checked) {
        write(() -> TodoFile.toggle(file, doc, item, checked));
    }

    /** Ticks or unticks the item {@code ref} names (prompt {@code todo check ITEM}). */
    synchronized void toggle(ItemRef ref, boolean checked) {
        write(() -> TodoFile.toggle(file, ref, checked));
    }

    private interface Write {
        TodoFile.Toggled run() throws IOException;
    }

    private void write(Write w) {
        try {
            TodoFile.Toggled t = w.run();
            seen = stamp();
            String verb = t.item().checked() ? "ticked: " : "unticked: ";
            String note = t.changed() ? verb + t.item().text() : "already " + t.item().label();
            last = new TodoSnapshot(file, t.document(), null, note, false);
        } catch (IOException | TodoException e) {
            if (last == null) last = read(stamp());
            last = last.withNote(e instanceof NoSuchFileException ? "no file at " + file : e.getMessage(), true);
        }
        post.accept(new Msg.TodoRead(last));
    }

    private TodoSnapshot read(Stamp stamp) {
        if (stamp == null) return new TodoSnapshot(file, null, "no TODO file at " + file.toAbsolutePath(), null, false);
        try {
            return new TodoSnapshot(file, TodoDocument.parse(file), null, null, false);
        } catch (IOException | RuntimeException e) {
            return new TodoSnapshot(file, null, file.toAbsolutePath() + ": " + e.getMessage(), null, false);
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    static List<String> verbs() {
        return List.of("check", "uncheck");
    }
}

package dev.fleetdeck.todo;

import dev.fleetdeck.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Ticks and unticks items on disk by rewriting exactly one byte: the state character between the brackets.
 * The file is never re-rendered (BOM, CRLF, tabs, trailing blanks and a missing final newline stay), and is
 * replaced atomically with its permissions kept. Before writing, the file is read again; if it changed since
 * it was parsed, the item is found again by text and headings, never written blind.
 */
public final class TodoFile {

    /** What a toggle did: the item as it now is, and the document as now on disk. */
    public record Toggled(TodoItem item, TodoDocument document, boolean changed) {
    }

    private static final int ATTEMPTS = 3;

    private TodoFile() {
    }

    public static Toggled toggle(Path file, ItemRef ref, boolean checked) throws IOException {
        TodoDocument doc = TodoDocument.parse(file);
        return toggle(file, doc, doc.find(ref), checked);
    }

    /** @param item an item of {@code readEarlier}, which was parsed from {@code file} at some earlier time */
    public static Toggled toggle(Path file, TodoDocument readEarlier, TodoItem item, boolean checked)
            throws IOException {
        // A symlinked checklist stays a symlink: the rename replaces the file it points to.
        Path real = file.toRealPath();
        for (int attempt = 1; ; attempt++) {
            byte[] now = Files.readAllBytes(real);
            TodoDocument current = readEarlier.sameContent(now) ? readEarlier : TodoDocument.parse(now, file.toString());
            TodoItem target = current == readEarlier ? item : current.counterpartOf(item, readEarlier);
            if (target.checked() == checked) {
                verify(now, target, file.toString());
                return new Toggled(target, current, false);
            }
            byte[] edited = withState(now, target, checked, file.toString());
            // Someone wrote while we worked: start over rather than overwrite their edit.
            if (!Arrays.equals(now, Files.readAllBytes(real))) {
                if (attempt == ATTEMPTS) throw new TodoException(file + " keeps changing; try again");
                continue;
            }
            AtomicFiles.write(real, edited);
            TodoDocument written = TodoDocument.parse(edited, file.toString());
            return new Toggled(written.items().get(target.index() - 1), written, true);
        }
    }

    /** {@code bytes} with the item's state byte set: {@code x} to check, a space to uncheck. */
    static byte[] withState(byte[] bytes, TodoItem item, boolean checked, String source) {
        verify(bytes, item, source);
        byte[] edited = bytes.clone();
        edited[item.offset()] = (byte) (checked ? 'x' : ' ');
        return edited;
    }

    /** The byte must still be the checkbox of that item; anything else means our model of the file is wrong. */
    private static void verify(byte[] now, TodoItem item, String file) {
        int at = item.offset();
        byte b = at < now.length ? now[at] : 0;
        boolean ok = item.checked() ? (b == 'x' || b == 'X') : b == ' ';
        if (!ok || at < 1 || now[at - 1] != '[' || at + 1 >= now.length || now[at + 1] != ']') {
            throw new TodoException("checkbox of \"" + item.text() + "\" is not where expected in " + file
                    + "; not writing");
        }
    }
}

package dev.fleetdeck.todo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Markdown checklist as read from disk: its task items with byte offsets, and its heading sections.
 * Immutable; it keeps the bytes it was parsed from so a later edit can tell whether the file has changed.
 */
public final class TodoDocument {

    private final String source;
    private final byte[] bytes;
    private final List<TodoItem> items;
    private final Section root;

    private TodoDocument(String source, byte[] bytes, TaskListReader.Result read) {
        this.source = source;
        this.bytes = bytes;
        this.items = List.copyOf(read.items());
        this.root = read.root();
    }

    public static TodoDocument parse(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** @param source where the bytes came from, for messages */
    public static TodoDocument parse(byte[] bytes, String source) {
        byte[] copy = bytes.clone();
        return new TodoDocument(source, copy, TaskListReader.read(copy));
    }

    public String source() {
        return source;
    }

    public List<TodoItem> items() {
        return items;
    }

    /** Level 0, untitled: items above the first heading, and the top-level sections as children. */
    public Section root() {
        return root;
    }

    public Progress progress() {
        return root.progress();
    }

    /** Whether {@code now} is byte for byte what this document was parsed from. */
    public boolean sameContent(byte[] now) {
        return Arrays.equals(bytes, now);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The item a user means; unknown or ambiguous references fail with the candidates named. */
    public TodoItem find(ItemRef ref) {
        if (ref instanceof ItemRef.Index i) return byIndex(i.index());
        return byText(((ItemRef.Text) ref).query());
    }

    private TodoItem byIndex(int index) {
        if (index < 1 || index > items.size()) {
            throw new TodoException("no item " + index + " in " + source + " (it has " + items.size() + ")");
        }
        return items.get(index - 1);
    }

    private TodoItem byText(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<TodoItem> hits = items.stream().filter(i -> i.text().toLowerCase(Locale.ROOT).contains(q)).toList();
        List<TodoItem> exact = hits.stream().filter(i -> i.text().equalsIgnoreCase(query)).toList();
        if (exact.size() == 1) return exact.get(0);
        if (hits.size() == 1) return hits.get(0);
        if (hits.isEmpty()) throw new TodoException("no item matches \"" + query + "\" in " + source);
        throw new TodoException("\"" + query + "\" matches " + hits.size() + " items: " + hits.stream().limit(8)
                .map(i -> "#" + i.index() + " " + i.text()).collect(Collectors.joining("; "))
                + (hits.size() > 8 ? "; …" : "") + " (give the number)");
    }

    /**
     * The item in this document that {@code old} (from an earlier read) was: same text under the same
     * headings, the same occurrence of it if the text repeats there. Anything less certain fails.
     */
    public TodoItem counterpartOf(TodoItem old, TodoDocument earlier) {
        List<TodoItem> before = earlier.twins(old);
        List<TodoItem> now = twins(old);
        if (now.isEmpty()) {
            throw new TodoException("\"" + old.text() + "\" is no longer in " + source + " (the file changed)");
        }
        if (now.size() != before.size()) {
            throw new TodoException("\"" + old.text() + "\" now appears " + now.size() + " times under "
                    + where(old) + " in " + source + " (the file changed); not guessing which");
        }
        int nth = before.indexOf(old);
        if (nth < 0) throw new IllegalArgumentException("item is not from the earlier document");
        return now.get(nth);
    }

    private List<TodoItem> twins(TodoItem item) {
        return items.stream().filter(i -> i.text().equals(item.text()) && i.headings().equals(item.headings()))
                .toList();
    }

    private static String where(TodoItem item) {
        return item.headings().isEmpty() ? "the top" : String.join(" > ", item.headings());
    }
}

package dev.fleetdeck.todo;

import java.util.List;

/**
 * One GFM task-list item as found in the file.
 *
 * @param index    1-based position among the file's task items, in document order
 * @param line     1-based line of the item (the checkbox is always on the item's first line)
 * @param offset   byte offset in the file of the state character between the brackets
 * @param checked  the state character is {@code x} or {@code X}
 * @param text     the rest of the item's first line, markers removed, trimmed
 * @param depth    how many list items enclose this one (0 at the top)
 * @param headings texts of the enclosing headings, outermost first
 * @param links    fleetdeck markers on the item (see {@link TodoLink})
 */
public record TodoItem(int index, int line, int offset, boolean checked, String text, int depth,
                       List<String> headings, List<TodoLink> links) {

    public TodoItem {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
    }

    /** {@code [x] text}. */
    public String label() {
        return (checked ? "[x] " : "[ ] ") + text;
    }
}

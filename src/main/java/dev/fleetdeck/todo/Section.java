package dev.fleetdeck.todo;

import java.util.List;

/**
 * A heading and what it holds until the next heading of the same or a higher level. The root section
 * (level 0, no title) holds the items above the first heading and every top-level section.
 *
 * @param path  titles from the outermost heading down to this one
 * @param items task items directly under this heading (not under a sub-heading)
 */
public record Section(String title, int level, int line, List<String> path, List<TodoItem> items,
                      List<Section> children) {

    public Section {
        path = List.copyOf(path);
        items = List.copyOf(items);
        children = List.copyOf(children);
    }

    /** This section's items and all its sub-sections' items. */
    public Progress progress() {
        Progress p = new Progress((int) items.stream().filter(TodoItem::checked).count(), items.size());
        for (Section c : children) p = p.plus(c.progress());
        return p;
    }
}

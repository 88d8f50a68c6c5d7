package dev.fleetdeck.ui;

import dev.fleetdeck.todo.Progress;
import dev.fleetdeck.todo.Section;
import dev.fleetdeck.todo.TodoDocument;
import dev.fleetdeck.todo.TodoItem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the TODO view shows: the last snapshot of the file, flattened into rows (a heading with its progress,
 * then its items), and which item is selected. UI thread only.
 */
final class TodoView {

    /** One screen row: a heading (item null) or an item. */
    record Row(String text, int indent, TodoItem item, Progress progress) {
    }

    private TodoSnapshot snapshot;
    private List<Row> rows = List.of();
    /** Index into {@link TodoDocument#items()}; kept by item number across re-reads. */
    int selected;
    /** First row shown; the drawer moves it to keep the selection visible. */
    int top;

    TodoSnapshot snapshot() {
        return snapshot;
    }

    TodoDocument document() {
        return snapshot == null ? null : snapshot.document();
    }

    List<Row> rows() {
        return rows;
    }

    void update(TodoSnapshot s) {
        snapshot = s;
        rows = s.document() == null ? List.of() : flatten(s.document());
        selected = Math.max(0, Math.min(selected, itemCount() - 1));
    }

    int itemCount() {
        return document() == null ? 0 : document().items().size();
    }

    TodoItem selectedItem() {
        return itemCount() == 0 ? null : document().items().get(selected);
    }

    void move(int delta) {
        if (itemCount() > 0) selected = Math.max(0, Math.min(itemCount() - 1, selected + delta));
    }

    /** The row index of the selected item, or -1. */
    int selectedRow() {
        TodoItem s = selectedItem();
        for (int i = 0; i < rows.size(); i++) if (s != null && s.equals(rows.get(i).item())) return i;
        return -1;
    }

    private static List<Row> flatten(TodoDocument doc) {
        List<Row> out = new ArrayList<>();
        add(doc.root(), out);
        return out;
    }

    private static void add(Section s, List<Row> out) {
        int base = Math.max(0, s.level() - 1) * 2;
        if (s.level() > 0 && s.progress().total() > 0) out.add(new Row(s.title(), base, null, s.progress()));
        for (TodoItem i : s.items()) out.add(new Row(i.label(), base + 2 + i.depth() * 2, i, null));
        for (Section c : s.children()) add(c, out);
    }
}

package dev.fleetdeck.ui;

import dev.fleetdeck.todo.Progress;
import java.util.List;

/** Draws the TODO view: a title with overall progress, headings with progress bars, items with [ ]/[x]. */
final class TodoDrawer {

    private static final int BAR = 10;

    private TodoDrawer() {
    }

    static void draw(Canvas c, Rect r, ConsoleModel m, Theme t) {
        TodoView v = m.todo;
        TodoSnapshot s = v.snapshot();
        String name = s == null ? "" : " · " + s.file().getFileName();
        String total = v.document() == null ? "" : " · " + v.document().progress();
        c.line(r.x(), r.y(), r.w(), " TODO" + name + total + " ", t.style(Element.TITLE_ACTIVE));
        c.fill(new Rect(r.x(), r.y() + 1, r.w(), r.h() - 1), t.style(Element.TODO));
        if (s == null || s.document() == null) {
            String why = s == null ? "reading…" : s.problem();
            c.text(r.x() + 1, r.y() + 2, r.w() - 2, why, t.style(s == null ? Element.TODO : Element.ERROR));
            return;
        }
        List<TodoView.Row> rows = v.rows();
        if (rows.isEmpty()) {
            c.text(r.x() + 1, r.y() + 2, r.w() - 2, "no task items ([ ] …) in " + s.file(), t.style(Element.TODO));
            return;
        }
        int visible = r.h() - 1;
        int sel = v.selectedRow();
        // keep the selection on screen, and its heading too when it fits
        if (sel >= 0 && sel < v.top) v.top = Math.max(0, sel - 1);
        if (sel >= v.top + visible) v.top = sel - visible + 1;
        v.top = Math.max(0, Math.min(v.top, rows.size() - visible));
        for (int i = 0; i < visible && v.top + i < rows.size(); i++) {
            TodoView.Row row = rows.get(v.top + i);
            int y = r.y() + 1 + i;
            int x = r.x() + 1 + row.indent();
            int room = r.x() + r.w() - x;
            if (row.item() == null) {
                heading(c, x, y, room, row, t);
            } else {
                boolean on = v.top + i == sel && m.focus == Focus.MAIN;
                Element e = on ? Element.HOST_CURSOR : row.item().checked() ? Element.STATUS_OK : Element.TODO;
                if (on) c.line(r.x(), y, r.w(), "", t.style(e));
                c.text(x, y, room, row.text(), t.style(e));
            }
        }
    }

    /** {@code Title ……… [####------] 4/10 40%}, the bar right-aligned. */
    private static void heading(Canvas c, int x, int y, int room, TodoView.Row row, Theme t) {
        Progress p = row.progress();
        String bar = " " + p.bar(BAR) + " " + p.done() + "/" + p.total() + " " + p.percent() + "% ";
        Style title = t.style(Element.STEP_TITLE).withBold(true);
        if (room <= bar.length() + 4) {
            c.text(x, y, room, row.text(), title);
            return;
        }
        c.text(x, y, room - bar.length(), row.text(), title);
        Element e = p.done() == p.total() ? Element.STATUS_OK : Element.STEP_DURATION;
        c.text(x + room - bar.length(), y, bar.length(), bar, t.style(e));
    }
}

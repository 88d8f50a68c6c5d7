package dev.fleetdeck.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the visible window of an output pane: only the lines that fit are parsed and drawn, so cost depends on
 * the window size, never on how much output the pane holds.
 */
final class PaneDrawer {

    /** A wrapped line never takes more rows than this (a 1 MB line must not fill the pane by itself). */
    static final int MAX_WRAP_ROWS = 64;

    private PaneDrawer() {
    }

    static void draw(Canvas c, Rect r, OutputPane pane, Theme theme, boolean active) {
        if (!r.visible()) return;
        String flags = (pane.following() ? " follow" : " scrolled") + (pane.wrapping() ? " wrap" : "")
                + (pane.search() != null ? " /" + pane.search() : "");
        String title = " " + pane.title() + " ·" + flags + " · " + pane.lines().end() + " lines ";
        c.line(r.x(), r.y(), r.w(), title, theme.style(active ? Element.TITLE_ACTIVE : Element.TITLE));
        Rect body = new Rect(r.x(), r.y() + 1, r.w(), r.h() - 1);
        Style base = theme.style(Element.PANE_TEXT);
        c.fill(body, base);
        if (body.h() <= 0) return;
        List<List<Cell>> rows = visibleRows(pane, body.w(), body.h(), theme);
        for (int i = 0; i < rows.size(); i++) {
            int x = body.x();
            for (Cell cell : rows.get(i)) x += Math.max(1, c.put(x, body.y() + i, body.x() + body.w(), cell.ch, cell.style));
        }
        if (pane.lines().end() == 0) c.text(body.x() + 1, body.y(), body.w() - 1, "(no output yet)", theme.style(Element.PANE_INFO));
    }

    private record Cell(char ch, Style style) {
    }

    private static List<List<Cell>> visibleRows(OutputPane pane, int width, int height, Theme theme) {
        LineRing ring = pane.lines();
        long top = pane.topFor(height);
        List<List<Cell>> rows = new ArrayList<>();
        if (!pane.wrapping()) {
            for (long n = top; n < ring.end() && rows.size() < height; n++) rows.add(cells(pane, n, width, theme));
            return rows;
        }
        if (pane.following()) { // fill from the bottom so the newest line is always visible
            List<List<Cell>> rev = new ArrayList<>();
            for (long n = ring.end() - 1; n >= ring.first() && rev.size() < height; n--) {
                List<List<Cell>> wrapped = wrap(cells(pane, n, width * MAX_WRAP_ROWS, theme), width);
                for (int i = wrapped.size() - 1; i >= 0 && rev.size() < height; i--) rev.add(wrapped.get(i));
            }
            for (int i = rev.size() - 1; i >= 0; i--) rows.add(rev.get(i));
            return rows;
        }
        for (long n = top; n < ring.end() && rows.size() < height; n++) {
            for (List<Cell> w : wrap(cells(pane, n, width * MAX_WRAP_ROWS, theme), width)) {
                if (rows.size() < height) rows.add(w);
            }
        }
        return rows;
    }

    private static List<List<Cell>> wrap(List<Cell> line, int width) {
        List<List<Cell>> out = new ArrayList<>();
        for (int i = 0; i < line.size(); i += width) out.add(line.subList(i, Math.min(line.size(), i + width)));
        if (out.isEmpty()) out.add(List.of());
        return out;
    }

    /** Line {@code n} as styled cells, at most {@code max} of them, with search matches highlighted. */
    private static List<Cell> cells(OutputPane pane, long n, int max, Theme theme) {
        Style base = theme.style(Element.PANE_TEXT);
        List<Cell> out = new ArrayList<>();
        for (Span sp : SgrParser.parse(pane.lines().get(n))) {
            Style st = sp.style().over(base);
            for (int i = 0; i < sp.text().length() && out.size() < max; i++) out.add(new Cell(sp.text().charAt(i), st));
        }
        String q = pane.search();
        if (q != null) {
            StringBuilder plain = new StringBuilder(out.size());
            for (Cell cl : out) plain.append(cl.ch);
            String lower = plain.toString().toLowerCase(Locale.ROOT);
            String needle = q.toLowerCase(Locale.ROOT);
            Style hit = theme.style(n == pane.match() ? Element.PANE_CURRENT_MATCH : Element.PANE_MATCH);
            for (int at = lower.indexOf(needle); at >= 0 && !needle.isEmpty(); at = lower.indexOf(needle, at + needle.length())) {
                for (int k = at; k < at + needle.length() && k < out.size(); k++) out.set(k, new Cell(out.get(k).ch, hit));
            }
        }
        return out;
    }
}

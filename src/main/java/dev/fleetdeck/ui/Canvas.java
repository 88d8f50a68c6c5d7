package dev.fleetdeck.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Draws styled text into Lanterna's screen buffer, clipped to a width. Colours are downgraded to the terminal's
 * depth here, once per style. Control characters never reach Lanterna (it throws on them, and they would drive
 * the real terminal): they are drawn as '?'.
 */
final class Canvas {

    private final Screen screen;
    private final ColorDepth depth;
    private final int columns;
    private final int rows;
    private final Map<Style, TextCharacter> cache = new HashMap<>();

    Canvas(Screen screen, ColorDepth depth, int columns, int rows) {
        this.screen = screen;
        this.depth = depth;
        this.columns = columns;
        this.rows = rows;
    }

    /** Draws {@code s} at (x, y) using at most {@code max} columns; returns the columns used. */
    int text(int x, int y, int max, String s, Style style) {
        if (y < 0 || y >= rows) return 0;
        int limit = Math.min(x + max, columns);
        int col = x;
        TextCharacter proto = proto(style);
        for (int i = 0; i < s.length() && col < limit; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)) c = '?'; // Lanterna 3.1 cells hold one UTF-16 unit
                else continue;
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) c = '?';
            int width = TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
            if (col + width > limit) break;
            if (col >= 0) screen.setCharacter(col, y, proto.withCharacter(c));
            col += width;
        }
        return col - x;
    }

    /** One character; returns the columns it took (0 when clipped). */
    int put(int x, int y, int limit, char c, Style style) {
        if (y < 0 || y >= rows || x < 0) return 0;
        if (Character.isSurrogate(c) || c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) c = '?';
        int width = TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
        if (x + width > Math.min(limit, columns)) return 0;
        screen.setCharacter(x, y, proto(style).withCharacter(c));
        return width;
    }

    void fill(Rect r, Style style) {
        TextCharacter blank = proto(style).withCharacter(' ');
        for (int y = Math.max(0, r.y()); y < Math.min(rows, r.bottom()); y++) {
            for (int x = Math.max(0, r.x()); x < Math.min(columns, r.x() + r.w()); x++) screen.setCharacter(x, y, blank);
        }
    }

    /** Pads to {@code w} columns, for whole-row styles (title bars, the status bar). */
    void line(int x, int y, int w, String s, Style style) {
        int used = text(x, y, w, s, style);
        if (used < w) text(x + used, y, w - used, " ".repeat(w - used), style);
    }

    private TextCharacter proto(Style s) {
        return cache.computeIfAbsent(s, st -> {
            EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
            if (st.bold()) sgr.add(SGR.BOLD);
            if (st.underline()) sgr.add(SGR.UNDERLINE);
            if (st.reverse()) sgr.add(SGR.REVERSE);
            if (st.italic()) sgr.add(SGR.ITALIC);
            return new TextCharacter(' ', color(st.fg()), color(st.bg()), sgr);
        });
    }

    private TextColor color(Tint t) {
        Tint d = t.downgrade(depth);
        if (d instanceof Tint.Rgb rgb) return new TextColor.RGB(rgb.r(), rgb.g(), rgb.b());
        if (d instanceof Tint.Indexed ix) {
            return ix.index() < 16 ? ANSI[ix.index()] : new TextColor.Indexed(ix.index());
        }
        return TextColor.ANSI.DEFAULT;
    }

    private static final TextColor.ANSI[] ANSI = {
            TextColor.ANSI.BLACK, TextColor.ANSI.RED, TextColor.ANSI.GREEN, TextColor.ANSI.YELLOW,
            TextColor.ANSI.BLUE, TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN, TextColor.ANSI.WHITE,
            TextColor.ANSI.BLACK_BRIGHT, TextColor.ANSI.RED_BRIGHT, TextColor.ANSI.GREEN_BRIGHT,
            TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.BLUE_BRIGHT, TextColor.ANSI.MAGENTA_BRIGHT,
            TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.WHITE_BRIGHT};
}

package dev.fleetdeck.ui;

import dev.fleetdeck.text.TerminalSanitizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a line of remote output into styled spans. The line goes through {@link TerminalSanitizer} first, so the
 * only escape sequences left are SGR; those become {@link Style}s and never reach the terminal as bytes. Tabs
 * become spaces to the next multiple of 8 (a raw tab would move the real cursor).
 */
public final class SgrParser {

    private SgrParser() {
    }

    public static List<Span> parse(String raw) {
        String s = TerminalSanitizer.keepColours(raw);
        List<Span> spans = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Style style = Style.PLAIN;
        int col = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == 0x1b) {
                int end = s.indexOf('m', i);
                if (text.length() > 0) {
                    spans.add(new Span(text.toString(), style));
                    text.setLength(0);
                }
                style = apply(style, s.substring(i + 2, end));
                i = end + 1;
                continue;
            }
            if (c == '\t') {
                int pad = 8 - col % 8;
                text.append(" ".repeat(pad));
                col += pad;
            } else {
                text.append(c);
                col++;
            }
            i++;
        }
        if (text.length() > 0 || spans.isEmpty()) spans.add(new Span(text.toString(), style));
        return spans;
    }

    /** The line's text without styles, as search sees it. */
    public static String plain(String raw) {
        StringBuilder b = new StringBuilder();
        for (Span sp : parse(raw)) b.append(sp.text());
        return b.toString();
    }

    /** Applies one SGR parameter list ({@code 1;31}, {@code 38;2;1;2;3}, {@code 38:5:208}). */
    static Style apply(Style style, String params) {
        if (params.isEmpty()) return Style.PLAIN;
        String[] p = params.split("[;:]", -1);
        for (int i = 0; i < p.length; i++) {
            int n = num(p[i]);
            switch (n) {
                case 0 -> style = Style.PLAIN;
                case 1 -> style = style.withBold(true);
                case 3 -> style = style.withItalic(true);
                case 4 -> style = style.withUnderline(true);
                case 7 -> style = style.withReverse(true);
                case 22 -> style = style.withBold(false);
                case 23 -> style = style.withItalic(false);
                case 24 -> style = style.withUnderline(false);
                case 27 -> style = style.withReverse(false);
                case 39 -> style = style.withFg(Tint.DEFAULT);
                case 49 -> style = style.withBg(Tint.DEFAULT);
                case 38, 48 -> {
                    Tint t = null;
                    if (i + 2 < p.length && num(p[i + 1]) == 5) {
                        t = indexed(num(p[i + 2]));
                        i += 2;
                    } else if (i + 4 < p.length && num(p[i + 1]) == 2) {
                        t = rgb(num(p[i + 2]), num(p[i + 3]), num(p[i + 4]));
                        i += 4;
                    } else {
                        i = p.length; // malformed extended colour: ignore the rest, as terminals do
                    }
                    if (t != null) style = n == 38 ? style.withFg(t) : style.withBg(t);
                }
                default -> {
                    if (n >= 30 && n <= 37) style = style.withFg(new Tint.Indexed(n - 30));
                    else if (n >= 40 && n <= 47) style = style.withBg(new Tint.Indexed(n - 40));
                    else if (n >= 90 && n <= 97) style = style.withFg(new Tint.Indexed(n - 90 + 8));
                    else if (n >= 100 && n <= 107) style = style.withBg(new Tint.Indexed(n - 100 + 8));
                }
            }
        }
        return style;
    }

    private static Tint indexed(int n) {
        return n >= 0 && n <= 255 ? new Tint.Indexed(n) : null;
    }

    private static Tint rgb(int r, int g, int b) {
        return (r | g | b) >= 0 && r <= 255 && g <= 255 && b <= 255 ? new Tint.Rgb(r, g, b) : null;
    }

    private static int num(String s) {
        if (s.isEmpty()) return 0;
        if (s.length() > 6) return -1;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

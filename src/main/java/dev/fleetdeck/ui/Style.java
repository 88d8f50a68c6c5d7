package dev.fleetdeck.ui;

/** How a run of text looks: colours plus the attributes every terminal (even mono) can show. */
public record Style(Tint fg, Tint bg, boolean bold, boolean underline, boolean reverse, boolean italic) {

    public static final Style PLAIN = new Style(Tint.DEFAULT, Tint.DEFAULT, false, false, false, false);

    public Style withFg(Tint t) {
        return new Style(t, bg, bold, underline, reverse, italic);
    }

    public Style withBg(Tint t) {
        return new Style(fg, t, bold, underline, reverse, italic);
    }

    public Style withBold(boolean on) {
        return new Style(fg, bg, on, underline, reverse, italic);
    }

    public Style withUnderline(boolean on) {
        return new Style(fg, bg, bold, on, reverse, italic);
    }

    public Style withReverse(boolean on) {
        return new Style(fg, bg, bold, underline, on, italic);
    }

    public Style withItalic(boolean on) {
        return new Style(fg, bg, bold, underline, reverse, on);
    }

    /** Text from a remote host drawn over a theme's pane style: remote colours win where set. */
    public Style over(Style base) {
        return new Style(fg instanceof Tint.Default ? base.fg : fg, bg instanceof Tint.Default ? base.bg : bg,
                bold || base.bold, underline || base.underline, reverse != base.reverse, italic || base.italic);
    }
}

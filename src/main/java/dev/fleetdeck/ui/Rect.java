package dev.fleetdeck.ui;

/** A screen region; zero width or height means "not shown". */
public record Rect(int x, int y, int w, int h) {

    public static final Rect NONE = new Rect(0, 0, 0, 0);

    public boolean visible() {
        return w > 0 && h > 0;
    }

    public int bottom() {
        return y + h;
    }
}

package dev.fleetdeck.ui;

import java.util.Locale;

/**
 * One scrollable output view: a bounded buffer plus where the operator looks at it. Only the UI thread touches
 * it. In follow mode the view sticks to the newest line; scrolling up leaves follow mode, End returns to it.
 */
public final class OutputPane {

    private final String title;
    private final LineRing ring;
    /** Absolute number of the top line when not following. */
    private long top;
    private boolean follow = true;
    private boolean wrap;
    private String search;
    /** Absolute line number of the current search match, or -1. */
    private long match = -1;

    public OutputPane(String title, int capacity) {
        this.title = title;
        this.ring = new LineRing(capacity);
    }

    public String title() {
        return title;
    }

    public LineRing lines() {
        return ring;
    }

    public void append(String rawLine) {
        ring.add(rawLine);
    }

    public boolean following() {
        return follow;
    }

    public boolean wrapping() {
        return wrap;
    }

    public void toggleWrap() {
        wrap = !wrap;
    }

    public void toggleFollow() {
        if (follow) {
            follow = false;
            top = Math.max(ring.first(), ring.end() - 1);
        } else {
            follow = true;
        }
    }

    /** The top line to draw for a view of {@code height} rows (by logical lines; wrap is handled by the drawer). */
    public long topFor(int height) {
        if (follow) return Math.max(ring.first(), ring.end() - height);
        return clamp(top, height);
    }

    public void scroll(int delta, int height) {
        long from = topFor(height);
        follow = false;
        top = clamp(from + delta, height);
        if (delta > 0 && top >= Math.max(ring.first(), ring.end() - height)) follow = true;
    }

    public void home() {
        follow = false;
        top = ring.first();
    }

    public void end() {
        follow = true;
    }

    private long clamp(long t, int height) {
        long max = Math.max(ring.first(), ring.end() - Math.max(1, height));
        return Math.max(ring.first(), Math.min(t, max));
    }

    public String search() {
        return search;
    }

    public long match() {
        return match >= ring.first() ? match : -1;
    }

    /**
     * Starts a case-insensitive search and jumps to the newest match at or above the view. Returns false when
     * nothing matches.
     */
    public boolean search(String query, int height) {
        search = query == null || query.isEmpty() ? null : query;
        match = -1;
        if (search == null) return false;
        long from = Math.min(ring.end() - 1, topFor(height) + height - 1);
        return seek(from, -1, height, true);
    }

    /** Next match below the current one ({@code dir} 1) or above it ({@code dir} -1); wraps around. */
    public boolean next(int dir, int height) {
        if (search == null) return false;
        long from = match() >= 0 ? match + dir : (dir > 0 ? topFor(height) : topFor(height) + height - 1);
        return seek(from, dir, height, true);
    }

    private boolean seek(long from, int dir, int height, boolean wrapAround) {
        String needle = search.toLowerCase(Locale.ROOT);
        long first = ring.first(), end = ring.end();
        long n = end - first;
        if (n == 0) return false;
        long i = Math.max(first, Math.min(end - 1, from));
        for (long k = 0; k < n; k++) {
            if (matches(ring.get(i), needle)) {
                match = i;
                reveal(i, height);
                return true;
            }
            i += dir;
            if (i >= end || i < first) {
                if (!wrapAround) return false;
                i = dir > 0 ? first : end - 1;
            }
        }
        return false;
    }

    static boolean matches(String raw, String lowerNeedle) {
        return SgrParser.plain(raw).toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** Scrolls so line {@code n} is visible, roughly centred. */
    private void reveal(long n, int height) {
        long t = topFor(height);
        if (n >= t && n < t + height && !(follow && n < ring.end() - height)) return;
        follow = false;
        top = clamp(n - height / 2, height);
    }
}

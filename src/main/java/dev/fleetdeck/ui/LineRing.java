package dev.fleetdeck.ui;

/**
 * The newest {@code capacity} lines of a stream. Lines are addressed by their absolute number since the stream
 * began, so a view position stays valid while old lines fall off the front. Memory is bounded by capacity.
 */
public final class LineRing {

    private final String[] lines;
    private long total;

    public LineRing(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        lines = new String[capacity];
    }

    public void add(String line) {
        lines[(int) (total % lines.length)] = line;
        total++;
    }

    /** Number of the oldest line still kept. */
    public long first() {
        return Math.max(0, total - lines.length);
    }

    /** One past the newest line's number. */
    public long end() {
        return total;
    }

    public int size() {
        return (int) (total - first());
    }

    public int capacity() {
        return lines.length;
    }

    /** The line with this absolute number; it must lie in {@code [first(), end())}. */
    public String get(long n) {
        if (n < first() || n >= total) throw new IndexOutOfBoundsException("line " + n + " not in buffer");
        return lines[(int) (n % lines.length)];
    }
}

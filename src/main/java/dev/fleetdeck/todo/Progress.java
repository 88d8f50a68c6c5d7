package dev.fleetdeck.todo;

/** Done out of total; percent is rounded down so 100 % means every item is done. */
public record Progress(int done, int total) {

    public static final Progress NONE = new Progress(0, 0);

    public int percent() {
        return total == 0 ? 0 : (int) (100L * done / total);
    }

    public Progress plus(Progress other) {
        return new Progress(done + other.done, total + other.total);
    }

    /** {@code [#####-----]} with {@code width} cells, filled in proportion (rounded down). */
    public String bar(int width) {
        int filled = total == 0 ? 0 : (int) ((long) width * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    /** {@code [#####-----] 5/10 50%}. */
    @Override
    public String toString() {
        return bar(10) + " " + done + "/" + total + " " + percent() + "%";
    }
}

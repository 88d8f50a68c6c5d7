package dev.fleetdeck.ui;

/** The xterm palette, for downgrading colours to what the terminal can show. */
final class Palette {

    /** xterm's default RGB values of the 16 ANSI colours. */
    private static final int[][] ANSI = {
            {0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205},
            {229, 229, 229}, {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255},
            {255, 0, 255}, {0, 255, 255}, {255, 255, 255}};
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private Palette() {
    }

    static Tint.Rgb rgbOf(int index) {
        if (index < 16) return new Tint.Rgb(ANSI[index][0], ANSI[index][1], ANSI[index][2]);
        if (index >= 232) {
            int v = 8 + (index - 232) * 10;
            return new Tint.Rgb(v, v, v);
        }
        int i = index - 16;
        return new Tint.Rgb(CUBE[i / 36], CUBE[(i / 6) % 6], CUBE[i % 6]);
    }

    static Tint.Indexed nearest16(Tint.Rgb c) {
        return new Tint.Indexed(nearest(c, 0, 16));
    }

    static Tint.Indexed nearest256(Tint.Rgb c) {
        return new Tint.Indexed(nearest(c, 16, 256));
    }

    private static int nearest(Tint.Rgb c, int from, int to) {
        int best = from;
        long bestDist = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            Tint.Rgb p = rgbOf(i);
            long dr = p.r() - c.r(), dg = p.g() - c.g(), db = p.b() - c.b();
            long d = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // weighted: the eye is most sensitive to green
            if (d < bestDist) {
                bestDist = d;
                best = i;
            }
        }
        return best;
    }
}

package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void wideTerminalPutsHostsLeftAndPanesSideBySide() {
        Layout l = Layout.compute(200, 60, 3, 5, 2);
        assertFalse(l.tooSmall());
        assertEquals(0, l.hosts().x());
        assertEquals(58, l.hosts().h());
        assertEquals(2, l.panes().size());
        assertTrue(l.checklist().x() > l.hosts().w() - 1);
        assertNoOverlap(l, 200, 60);
    }

    @Test
    void standardTerminalStacks() {
        Layout l = Layout.compute(80, 24, 3, 5, 2);
        assertFalse(l.tooSmall());
        assertEquals(80, l.hosts().w());
        assertEquals(1, l.panes().size(), "two 40-column panes do not fit next to each other in 80 columns");
        assertNoOverlap(l, 80, 24);
    }

    @Test
    void smallTerminalStillShowsEverything() {
        Layout l = Layout.compute(40, 12, 3, 5, 3);
        assertFalse(l.tooSmall());
        assertTrue(l.hosts().visible() && l.panes().get(0).visible());
        assertNoOverlap(l, 40, 12);
    }

    @Test
    void tinyTerminalIsTooSmall() {
        assertTrue(Layout.compute(20, 5, 3, 5, 1).tooSmall());
        assertTrue(Layout.compute(0, 0, 3, 5, 1).tooSmall());
    }

    @Test
    void everySizeIsConsistent() {
        for (int w = 30; w <= 220; w += 7) {
            for (int h = 8; h <= 70; h += 3) {
                for (int panes = 1; panes <= 5; panes++) assertNoOverlap(Layout.compute(w, h, 4, 6, panes), w, h);
            }
        }
    }

    private static void assertNoOverlap(Layout l, int w, int h) {
        List<Rect> all = new ArrayList<>(List.of(l.hosts(), l.checklist(), l.statusBar(), l.prompt()));
        all.addAll(l.panes());
        boolean[][] used = new boolean[h][w];
        for (Rect r : all) {
            if (!r.visible()) continue;
            for (int y = r.y(); y < r.bottom(); y++) {
                for (int x = r.x(); x < r.x() + r.w(); x++) {
                    if (x < 0 || y < 0 || x >= w || y >= h) throw new AssertionError("outside the screen: " + r + " at " + w + "x" + h);
                    if (used[y][x]) throw new AssertionError("overlap at " + x + "," + y + " in " + l);
                    used[y][x] = true;
                }
            }
        }
    }
}

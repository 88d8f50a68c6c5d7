package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenderTest {

    @Test
    void standardSizeShowsHostsChecklistOutputStatusAndPrompt() throws Exception {
        VirtualConsole vc = new VirtualConsole(80, 24);
        vc.command("run preflight cortex");
        String s = vc.render();
        assertTrue(s.contains("Hosts 3"), s);
        assertTrue(s.contains("cortex @gpu @servers"), s);
        assertTrue(s.contains("r1 · preflight · passed"), s);
        assertTrue(s.contains("✓ SSH reachable"), s);
        assertTrue(s.contains("1.2s"), s);
        assertTrue(s.contains("cortex units line 2"), s);
        assertTrue(vc.row(22).contains("fleet.json"), "status bar on the second-last row: " + s);
        assertTrue(vc.row(23).contains("r1 preflight passed"), "notice on the prompt row: " + s);
    }

    @Test
    void wideTerminalShowsOnePanePerHostAndHostColumns() throws Exception {
        VirtualConsole vc = new VirtualConsole(200, 60);
        vc.command("run preflight @servers");
        vc.keys("y");
        String s = vc.render();
        assertTrue(s.contains(" cortex · follow"), s);
        assertTrue(s.contains(" frigate · follow"), s);
        int[] header = vc.find("cortex     frigate");
        assertNotNull(header, "per-host columns in the checklist:\n" + s);
        assertTrue(s.contains("frigate disk line 1"), s);
    }

    @Test
    void smallTerminalStacksAndSwitchesPanes() throws Exception {
        VirtualConsole vc = new VirtualConsole(40, 12);
        vc.command("run preflight @servers");
        vc.keys("y");
        String s = vc.render();
        assertTrue(s.contains(" cortex · follow"), s);
        assertTrue(s.contains("1/2"), "pane switcher hint:\n" + s);
        vc.keys("Tab");
        s = vc.render();
        assertTrue(s.contains(" frigate · follow"), s);
        assertTrue(s.contains("2/2"), s);
    }

    @Test
    void tinyTerminalShowsNotice() throws Exception {
        VirtualConsole vc = new VirtualConsole(20, 5);
        String s = vc.render();
        assertTrue(s.replace("\n", "").contains("terminal too small"), s);
    }

    @Test
    void anySizeRendersWithoutThrowing() throws Exception {
        VirtualConsole vc = new VirtualConsole(80, 24);
        vc.command("run preflight @servers");
        vc.keys("y", "?");
        for (int w = 1; w < 130; w += 3) {
            for (int h = 1; h < 45; h += 2) {
                int ww = w, hh = h;
                vc.resize(ww, hh);
                assertDoesNotThrow(() -> vc.render(), ww + "x" + hh);
            }
        }
    }

    @Test
    void resizeRedrawsAtTheNewSize() throws Exception {
        VirtualConsole vc = new VirtualConsole(80, 24);
        vc.render();
        vc.resize(120, 40);
        String s = vc.render();
        assertEquals(40, s.split("\n").length);
        assertTrue(vc.row(38).contains("fleet.json"), s);
    }

    @Test
    void todoViewTogglesAndHelpOverlayComesFromKeymap() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.keys("t");
        assertTrue(vc.render().contains("TODO"));
        vc.keys("t", "?");
        String s = vc.render();
        assertTrue(s.contains("Keys: default keymap"), s);
        assertTrue(s.contains("focus-prompt"), s);
        vc.keys("x");
        assertFalse(vc.render().contains("Keys: default keymap"));
    }

    @Test
    void commandLogListsExactCommands() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.command("exec orion -- uname -a");
        vc.keys("L");
        String s = vc.render();
        assertTrue(s.contains("[r1] orion remote$ uname -a"), s);
    }
}

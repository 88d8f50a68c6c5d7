package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Line editing keys on the prompt, the same in every shipped keymap. */
class PromptEditingTest {

    private static VirtualConsole prompt(String keymap, String text) throws Exception {
        VirtualConsole vc = new VirtualConsole(80, 24);
        vc.command("keymap " + keymap);
        vc.keys(":");
        vc.type(text);
        return vc;
    }

    private static String text(VirtualConsole vc) {
        return vc.model().prompt().text();
    }

    private static int cursor(VirtualConsole vc) {
        return vc.model().prompt().cursor;
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "vim", "emacs"})
    void homeEndLeftRight(String keymap) throws Exception {
        VirtualConsole vc = prompt(keymap, "exec all -- uptime");
        vc.keys("C-a");
        assertEquals(0, cursor(vc));
        vc.type("x");
        assertEquals("xexec all -- uptime", text(vc));
        vc.keys("C-e");
        assertEquals(text(vc).length(), cursor(vc));
        vc.keys("Left", "Left");
        assertEquals(text(vc).length() - 2, cursor(vc));
        vc.keys("Right");
        assertEquals(text(vc).length() - 1, cursor(vc));
        vc.keys("Home");
        assertEquals(0, cursor(vc));
        vc.keys("End");
        assertEquals(text(vc).length(), cursor(vc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "vim", "emacs"})
    void killWordAndKillToStart(String keymap) throws Exception {
        VirtualConsole vc = prompt(keymap, "exec all -- uptime  ");
        vc.keys("C-w");
        assertEquals("exec all -- ", text(vc));
        vc.type("df -h");
        for (int i = 0; i < 5; i++) vc.keys("Left");
        vc.keys("C-u");
        assertEquals("df -h", text(vc));
        assertEquals(0, cursor(vc));
        vc.keys("C-e", "C-u");
        assertEquals("", text(vc));
        assertEquals(Focus.PROMPT, vc.model().focus(), "killing the line does not leave the prompt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "vim", "emacs"})
    void killToEnd(String keymap) throws Exception {
        VirtualConsole vc = prompt(keymap, "run preflight all");
        vc.keys("C-a", "Right", "Right", "Right", "C-k");
        assertEquals("run", text(vc));
    }
}

package dev.fleetdeck.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TerminalSanitizerTest {

    private static final String E = "\u001b";

    @Test
    void plainTextIsUntouched() {
        String s = "building /nix/store/abc-system \t100% ünïcødé";
        assertEquals(s, TerminalSanitizer.keepColours(s));
        assertEquals(s, TerminalSanitizer.plain(s));
    }

    @Test
    void colourSequencesAreKeptOrStripped() {
        String s = E + "[1;31merror:" + E + "[0m bad " + E + "[38:2:255:0:0mred" + E + "[m";
        assertEquals(s, TerminalSanitizer.keepColours(s));
        assertEquals("error: bad red", TerminalSanitizer.plain(s));
    }

    @Test
    void clipboardTitleAndDcsAreRemovedWhole() {
        assertEquals("ab", TerminalSanitizer.keepColours("a" + E + "]52;c;cm0gLXJmIC8K\u0007b"));
        assertEquals("ab", TerminalSanitizer.keepColours("a" + E + "]0;pwned title" + E + "\\b"));
        assertEquals("ab", TerminalSanitizer.keepColours("a" + E + "P+q544e" + E + "\\b"));
        assertEquals("ab", TerminalSanitizer.keepColours("a" + E + "_apc payload" + E + "\\b"));
    }

    @Test
    void cursorMovesQueriesAndResetsAreRemoved() {
        String hostile = E + "[2J" + E + "[H" + E + "[6n" + E + "[c" + E + "c" + E + "7" + E + "(0" + E + "[?1049h"
                + "text" + E + "[5A";
        assertEquals("text", TerminalSanitizer.keepColours(hostile));
    }

    @Test
    void eightBitControlsAreRemovedToo() {
        assertEquals("ab", TerminalSanitizer.keepColours("a\u009b2Jb"));
        assertEquals("ab", TerminalSanitizer.keepColours("a\u009d52;c;eA==\u0007b"));
        assertEquals("a" + E + "[31mb", TerminalSanitizer.keepColours("a\u009b31mb"));
    }

    @Test
    void otherControlsBecomeVisibleCaretNotation() {
        assertEquals("bell^G back^H cr^M del^?", TerminalSanitizer.keepColours("bell\u0007 back\b cr\r del\u007f"));
    }

    @Test
    void unterminatedSequencesNeverLeakAnEscape() {
        for (String s : new String[] {"x" + E, "x" + E + "[", "x" + E + "]52;c;abc", "x" + E + "P1$r", "x\u009b"}) {
            assertFalse(TerminalSanitizer.keepColours(s).contains(E), s);
            assertFalse(TerminalSanitizer.plain(s).contains(E), s);
        }
    }

    @Test
    void sgrWithNonNumericParametersIsNotTrusted() {
        assertEquals("ab", TerminalSanitizer.keepColours("a" + E + "[?25lb"));
        assertEquals("ab", TerminalSanitizer.keepColours("a" + E + "[>4;2mb"));
    }
}

package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SgrParserTest {

    @Test
    void parsesBasicExtendedAndTrueColour() {
        List<Span> s = SgrParser.parse("a\u001b[1;31mb\u001b[38;5;208mc\u001b[48;2;1;2;3md\u001b[0me");
        assertEquals("a", s.get(0).text());
        assertEquals(new Tint.Indexed(1), s.get(1).style().fg());
        assertTrue(s.get(1).style().bold());
        assertEquals(new Tint.Indexed(208), s.get(2).style().fg());
        assertEquals(new Tint.Rgb(1, 2, 3), s.get(3).style().bg());
        assertEquals(Style.PLAIN, s.get(4).style());
    }

    @Test
    void colonFormAndBrightAndMalformed() {
        assertEquals(new Tint.Rgb(9, 8, 7), SgrParser.apply(Style.PLAIN, "38:2:9:8:7").fg());
        assertEquals(new Tint.Indexed(9), SgrParser.apply(Style.PLAIN, "91").fg());
        assertEquals(Style.PLAIN, SgrParser.apply(Style.PLAIN, "38;5"));
        assertEquals(Style.PLAIN, SgrParser.apply(Style.PLAIN, "38;2;999;0;0"));
    }

    @Test
    void tabsExpandAndEscapesNeverSurvive() {
        assertEquals("a       b", SgrParser.plain("a\tb"));
        assertEquals("xy", SgrParser.plain("x\u001b]52;c;AAAA\u0007y"));
    }

    @Test
    void coloursDowngradeTruecolorTo256To16ToMono() {
        Tint orange = new Tint.Rgb(255, 135, 0);
        assertEquals(orange, orange.downgrade(ColorDepth.TRUECOLOR));
        assertEquals(new Tint.Indexed(208), orange.downgrade(ColorDepth.ANSI256));
        Tint sixteen = orange.downgrade(ColorDepth.ANSI16);
        assertTrue(((Tint.Indexed) sixteen).index() < 16);
        assertEquals(Tint.DEFAULT, orange.downgrade(ColorDepth.MONO));
        assertEquals(new Tint.Indexed(9), new Tint.Indexed(196).downgrade(ColorDepth.ANSI16));
    }

    @Test
    void depthFromEnvironment() {
        assertEquals(ColorDepth.MONO, ColorDepth.detect(Map.of("NO_COLOR", "1", "COLORTERM", "truecolor"), null));
        assertEquals(ColorDepth.TRUECOLOR, ColorDepth.detect(Map.of("COLORTERM", "truecolor", "TERM", "xterm"), null));
        assertEquals(ColorDepth.ANSI256, ColorDepth.detect(Map.of("TERM", "tmux-256color"), null));
        assertEquals(ColorDepth.ANSI16, ColorDepth.detect(Map.of("TERM", "screen"), null));
        assertEquals(ColorDepth.MONO, ColorDepth.detect(Map.of("TERM", "dumb"), null));
        assertEquals(ColorDepth.ANSI16, ColorDepth.detect(Map.of("NO_COLOR", "1"), "16"), "--colors wins");
    }
}

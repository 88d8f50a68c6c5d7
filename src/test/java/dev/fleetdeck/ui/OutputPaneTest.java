package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextCharacter;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.transport.OutputLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputPaneTest {

    @Test
    void ringKeepsOnlyTheNewestLines() {
        LineRing r = new LineRing(1000);
        for (int i = 0; i < 1_000_000; i++) r.add("line " + i);
        assertEquals(1000, r.size());
        assertEquals(999_000, r.first());
        assertEquals("line 999000", r.get(r.first()));
        assertEquals("line 999999", r.get(r.end() - 1));
    }

    @Test
    void paneMemoryStaysFlatWhileAMillionLinesArrive() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30, c -> c.withPaneCapacity(5000));
        vc.actions.outputLines = 0;
        vc.command("exec orion -- yes");
        Instant t = Instant.now();
        for (int i = 0; i < 1_000_000; i++) {
            vc.session.apply(new Msg.Run(new RunEvent.StepOutput("r1", t, "orion", "cmd",
                    new OutputLine(OutputLine.Stream.STDOUT, "line " + i, t))));
        }
        OutputPane p = vc.model().activePane();
        assertEquals(5000, p.lines().size());
        assertTrue(vc.render().contains("line 999999"));
    }

    @Test
    void scrollFollowAndEnd() {
        OutputPane p = new OutputPane("x", 100);
        for (int i = 0; i < 50; i++) p.append("l" + i);
        assertEquals(40, p.topFor(10));
        p.scroll(-10, 10);
        assertFalse(p.following());
        assertEquals(30, p.topFor(10));
        p.append("new");
        assertEquals(30, p.topFor(10), "a scrolled view stays put while output arrives");
        p.home();
        assertEquals(0, p.topFor(10));
        p.end();
        assertTrue(p.following());
        assertEquals(41, p.topFor(10));
    }

    @Test
    void searchFindsNextAndPreviousWithWrapAround() {
        OutputPane p = new OutputPane("x", 1000);
        for (int i = 0; i < 500; i++) p.append(i % 100 == 7 ? "\u001b[31mERROR\u001b[0m at " + i : "ok " + i);
        assertTrue(p.search("error", 20));
        assertEquals(407, p.match());
        assertTrue(p.next(-1, 20));
        assertEquals(307, p.match());
        assertTrue(p.next(1, 20));
        assertEquals(407, p.match());
        assertTrue(p.next(1, 20));
        assertEquals(7, p.match(), "wraps to the oldest match");
        assertFalse(p.search("nothing-like-this", 20));
    }

    @Test
    void searchHighlightsMatchesOnScreenAndNKeysMove() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.actions.outputLines = 0;
        vc.command("exec orion -- log");
        for (int i = 0; i < 300; i++) {
            vc.session.apply(new Msg.Run(new RunEvent.StepOutput("r1", Instant.now(), "orion", "cmd",
                    new OutputLine(OutputLine.Stream.STDOUT, i % 50 == 0 ? "needle " + i : "hay " + i, Instant.now()))));
        }
        vc.keys("/");
        vc.type("needle");
        vc.keys("Enter");
        int[] at = vc.find("needle 250");
        assertTrue(at != null, vc.render());
        TextCharacter c = vc.cell(at[0], at[1]);
        Style current = vc.model().theme().style(Element.PANE_CURRENT_MATCH);
        assertEquals(current.bold(), c.getModifiers().contains(com.googlecode.lanterna.SGR.BOLD));
        assertTrue(vc.render().contains("/needle"));
        vc.keys("N");
        assertTrue(vc.find("needle 200") != null);
        assertEquals(201, vc.model().activePane().match(), "line 0 is the step header, so output i is line i + 1");
    }

    @Test
    void wrapToggleWrapsLongLines() throws Exception {
        VirtualConsole vc = new VirtualConsole(60, 20);
        vc.actions.outputLines = 0;
        vc.command("exec orion -- long");
        vc.session.apply(new Msg.Run(new RunEvent.StepOutput("r1", Instant.now(), "orion", "cmd",
                new OutputLine(OutputLine.Stream.STDOUT, "A".repeat(100) + "TAIL", Instant.now()))));
        assertFalse(vc.render().contains("TAIL"));
        vc.keys("w");
        assertTrue(vc.render().contains("TAIL"));
    }
}

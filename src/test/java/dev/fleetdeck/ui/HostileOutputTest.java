package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.transport.OutputLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A remote host must never drive the operator's terminal through its output. */
class HostileOutputTest {

    static final String[] HOSTILE = {
            "clip\u001b]52;c;cHduZWQ=\u0007board",               // OSC 52: set the clipboard
            "title\u001b]0;pwned-title\u001b\\end",              // retitle the window
            "move\u001b[999;999Hcursor\u001b[2Jclear",           // cursor move + clear
            "dcs\u001bP+q544e\u001b\\query",                      // DCS query
            "c1\u009b31mred\u009d0;x\u009c",                        // C1 CSI / OSC
            "bell\u0007bs\bcr\rdel\u007f",
            "\u001b[1;31mkept red\u001b[0m plain"};

    @Test
    void hostileSequencesAreInertOnScreen() throws Exception {
        VirtualConsole vc = new VirtualConsole(120, 30);
        vc.actions.outputLines = 0;
        vc.command("exec orion -- cat evil");
        emit(vc);
        String s = vc.render();
        assertFalse(s.contains("\u001b"), s);
        assertFalse(s.contains("pwned-title"), "OSC payload never shown or sent: " + s);
        assertTrue(s.contains("clipboard"), s);
        assertTrue(s.contains("movecursorclear"), s);
        assertTrue(s.contains("bell^Gbs^Hcr^Mdel^?"), s);
        int[] at = vc.find("kept red");
        assertTrue(vc.cell(at[0], at[1]).getModifiers().contains(com.googlecode.lanterna.SGR.BOLD), "SGR kept as style");
    }

    @Test
    void hostileSequencesNeverReachTheTerminalBytes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ANSITerminal ansi = new ANSITerminal(new ByteArrayInputStream(new byte[0]), bytes, StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return new TerminalSize(120, 30);
            }
        };
        TerminalScreen screen = new TerminalScreen(ansi);
        screen.startScreen();
        FakeActions actions = new FakeActions(VirtualConsole.SELECTIONS);
        actions.outputLines = 0;
        java.util.Queue<Msg> inbox = new java.util.ArrayDeque<>();
        ConsoleSession s = new ConsoleSession(new ConsoleConfig(VirtualConsole.FLEET, "f", actions,
                Map.of("TERM", "xterm"), null, null, null, 100, null, null, null), inbox::add, Update.Effects.NONE, Clock.systemUTC());
        s.apply(new Msg.Resized(120, 30));
        for (String k : List.of(":", "e", "x", "e", "c", "Space", "o", "r", "i", "o", "n", "Space", "-", "-", "Space", "x", "Enter")) {
            s.apply(new Msg.KeyPressed(Key.parse(k)));
        }
        for (Msg m; (m = inbox.poll()) != null; ) s.apply(m);
        for (String h : HOSTILE) {
            s.apply(new Msg.Run(new RunEvent.StepOutput("r1", Instant.now(), "orion", "cmd",
                    new OutputLine(OutputLine.Stream.STDOUT, h, Instant.now()))));
        }
        s.draw(screen);
        screen.refresh();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\u001b]"), "no OSC");
        assertFalse(out.contains("\u001bP"), "no DCS");
        assertFalse(out.contains("999;999"), "no remote cursor move");
        assertFalse(out.contains("\u0007") || out.contains("\u009b") || out.contains("\u009d"), "no BEL, no C1");
        assertTrue(out.contains("kept red"));
    }

    private static void emit(VirtualConsole vc) {
        for (String h : HOSTILE) {
            vc.session.apply(new Msg.Run(new RunEvent.StepOutput("r1", Instant.now(), "orion", "cmd",
                    new OutputLine(OutputLine.Stream.STDOUT, h, Instant.now()))));
        }
    }
}

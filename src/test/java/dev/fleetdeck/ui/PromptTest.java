package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTest {

    private static PromptCompleter completer() {
        return new PromptCompleter(new PromptCompleter.Sources(() -> List.of("cortex", "orion", "frigate"),
                () -> List.of("gpu", "servers"), () -> List.of("preflight", "deploy", "validate"),
                t -> t.equals("deploy") ? List.of("goal", "engine") : List.of(),
                () -> List.of("dark", "light", "mono"), () -> List.of("default", "vim", "emacs"), () -> List.of("r1")));
    }

    @Test
    void completionCandidatesPerPosition() {
        PromptCompleter c = completer();
        assertEquals(List.of("run"), c.complete("ru", 2).candidates());
        assertEquals(PromptCompleter.COMMANDS.size(), c.complete("", 0).candidates().size());
        assertEquals(List.of("deploy"), c.complete("run dep", 7).candidates());
        assertEquals(List.of("cortex"), c.complete("run deploy co", 13).candidates());
        assertEquals(List.of("@gpu"), c.complete("run deploy @g", 13).candidates());
        assertEquals(List.of("goal=", "engine="), c.complete("run deploy cortex ", 18).candidates());
        assertEquals(List.of("--"), c.complete("exec orion -", 12).candidates());
        assertEquals(List.of("light"), c.complete("theme li", 8).candidates());
        assertEquals(List.of("vim"), c.complete("keymap v", 8).candidates());
        assertEquals(List.of("r1"), c.complete("show ", 5).candidates());
        PromptCompleter.Result r = c.complete("exec ", 5);
        assertTrue(r.candidates().containsAll(List.of("all", "cortex", "@servers")), r.toString());
    }

    @Test
    void tabCompletesOnScreenAndShowsTheMenu() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.keys(":").type("ru").keys("Tab");
        assertEquals("run ", vc.model().prompt().text());
        vc.type("pre").keys("Tab");
        assertEquals("run preflight ", vc.model().prompt().text());
        vc.keys("Tab");
        String s = vc.render();
        assertTrue(s.contains(" cortex") && s.contains(" @servers"), "menu of selections:\n" + s);
        vc.keys("Tab");
        assertEquals("run preflight all", vc.model().prompt().text());
        vc.keys("C-w").type("cor").keys("Tab", "Enter");
        assertEquals(List.of("run preflight cortex {}"), vc.actions.started);
    }

    @Test
    void historyWalkAndReverseSearch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/fleetdeck/history");
        VirtualConsole vc = new VirtualConsole(100, 30, c -> c.withHistoryFile(file));
        vc.command("exec orion -- uptime");
        vc.command("run preflight cortex");
        vc.command("theme light");
        vc.keys(":", "Up");
        assertEquals("theme light", vc.model().prompt().text());
        vc.keys("Up", "Up");
        assertEquals("exec orion -- uptime", vc.model().prompt().text());
        vc.keys("Down");
        assertEquals("run preflight cortex", vc.model().prompt().text());
        vc.keys("Esc", ":", "C-r").type("orion");
        assertEquals("exec orion -- uptime", vc.model().prompt().text());
        assertTrue(vc.render().contains("(reverse-i-search)`orion'"));
        vc.keys("End");
        assertNull(vc.model().prompt().searchQuery());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("run preflight cortex"));
        PromptHistory reloaded = new PromptHistory(file);
        assertEquals(3, reloaded.size(), "history persists across sessions");
    }

    @Test
    void errorsAreInlineNeverACrash() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.command("frobnicate");
        assertTrue(vc.model().notice().startsWith("unknown command"));
        vc.command("run nosuchtask cortex");
        assertEquals("no task \"nosuchtask\"", vc.model().notice());
        vc.command("exec nosuchhost -- true");
        assertTrue(vc.model().notice().contains("nosuchhost"), vc.model().notice());
        vc.command("run \"unterminated");
        vc.command("theme nope");
        assertTrue(vc.model().notice().contains("no theme named \"nope\""), vc.model().notice());
        assertTrue(vc.render().contains("no theme named"));
    }

    @Test
    void singleLinePasteIsTypedNotRun() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.session.apply(new Msg.Pasted("exec orion -- reboot"));
        assertEquals(Focus.PROMPT, vc.model().focus());
        assertEquals("exec orion -- reboot", vc.model().prompt().text());
        assertTrue(vc.actions.started.isEmpty());
    }

    @Test
    void multiLinePasteRunsOnlyAfterConfirmation() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.session.apply(new Msg.Pasted("exec orion -- reboot\nexec cortex -- reboot\n"));
        assertNotNull(vc.model().dialog());
        assertTrue(vc.render().contains("Run 2 pasted commands?"));
        assertTrue(vc.actions.started.isEmpty());
        vc.keys("n");
        assertTrue(vc.actions.started.isEmpty());
        vc.session.apply(new Msg.Pasted("exec orion -- a\nexec cortex -- b"));
        vc.keys("y");
        assertEquals(List.of("exec orion -- a", "exec cortex -- b"), vc.actions.started);
    }
}

package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TODO view on a virtual terminal, over a real checklist file. */
class TodoViewTest {

    static final String CHECKLIST = """
            # Ops checklist

            ## Backups
            - [x] Verify daily backups running <!-- fleetdeck: backup-verify @servers -->
            - [ ] Restore test\r
            - [X] Offsite copy

            ## Deploys
            - [ ] Create safe-deploy.sh
              - [ ] nested step
            """;

    @TempDir
    Path dir;

    private VirtualConsole console(Path file) throws Exception {
        return new VirtualConsole(80, 24, c -> c.withTodoFile(file));
    }

    private Path checklist() throws Exception {
        Path f = dir.resolve("TODO-CHECKLIST.md");
        Files.writeString(f, CHECKLIST);
        return f;
    }

    @Test
    void showsSectionsWithProgressAndItemsAt80x24() throws Exception {
        VirtualConsole vc = console(checklist());
        vc.keys("t");
        String s = vc.render();
        assertTrue(s.contains("TODO · TODO-CHECKLIST.md · [####------] 2/5 40%"), s);
        assertTrue(s.contains("Backups") && s.contains("[######----] 2/3 66%"), s);
        assertTrue(s.contains("Deploys") && s.contains("[----------] 0/2 0%"), s);
        assertTrue(s.contains("[x] Verify daily backups running"), s);
        assertFalse(s.contains("fleetdeck:"), "markers are not shown: " + s);
        assertTrue(s.contains("[ ] Restore test") && s.contains("[x] Offsite copy"), s);
        assertTrue(s.contains("    [ ] nested step"), "sub-items are indented: " + s);
        String[] rows = s.split("\n");
        int backups = indexOf(rows, "Backups");
        assertTrue(rows[backups].stripTrailing().endsWith("66%"), "bar right-aligned: " + rows[backups]);
        vc.keys("t");
        assertFalse(vc.render().contains("Backups"), "t hides the view again");
    }

    @Test
    void spaceTogglesExactlyOneByteOnDisk() throws Exception {
        Path f = checklist();
        byte[] before = Files.readAllBytes(f);
        VirtualConsole vc = console(f);
        vc.keys("t", "Down", "Space");
        byte[] after = Files.readAllBytes(f);
        assertEquals(before.length, after.length);
        int diff = 0, at = -1;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                diff++;
                at = i;
            }
        }
        assertEquals(1, diff, "exactly one byte changed");
        assertEquals('x', after[at]);
        assertEquals('[', after[at - 1]);
        assertTrue(new String(after, StandardCharsets.UTF_8).contains("- [x] Restore test\r\n"), "CRLF kept");
        assertEquals("ticked: Restore test", vc.model().notice());
        assertTrue(vc.render().contains("[x] Restore test"));
        vc.keys("x"); // the default keymap's other toggle key
        assertTrue(Files.readString(f).contains("- [ ] Restore test\r\n"));
        assertTrue(vc.render().contains("[ ] Restore test"));
    }

    @Test
    void theWriteHappensOffTheUiThreadAndComesBackAsAMessage() throws Exception {
        Path f = checklist();
        Queue<Runnable> background = new ArrayDeque<>();
        VirtualConsole vc = new VirtualConsole(80, 24, c -> c.withTodoFile(f).withIo(background::add));
        vc.keys("t");
        runAll(background); // the history refresh and the first read
        vc.drain();
        vc.keys("Down", "Space");
        assertFalse(Files.readString(f).contains("- [x] Restore test"), "nothing written by the key itself");
        assertEquals(1, background.size());
        runAll(background);
        assertTrue(Files.readString(f).contains("- [x] Restore test"));
        assertTrue(vc.render().contains("[x] Restore test"), "the result arrived through the inbox");
    }

    @Test
    void externalEditIsPickedUpOnTheNextTick() throws Exception {
        Path f = checklist();
        VirtualConsole vc = console(f);
        vc.keys("t");
        assertFalse(vc.render().contains("Rotate keys"));
        Files.writeString(f, CHECKLIST + "- [ ] Rotate keys\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
        vc.session.apply(new Msg.Tick());
        String s = vc.render();
        assertTrue(s.contains("[ ] Rotate keys"), s);
        assertTrue(s.contains("2/6 33%"), s);
    }

    @Test
    void vimKeysMoveAndToggle() throws Exception {
        Path f = checklist();
        VirtualConsole vc = console(f);
        vc.command("keymap vim");
        vc.keys("t", "j", "j", "j", "x");
        assertTrue(Files.readString(f).contains("- [x] Create safe-deploy.sh"));
        vc.keys("k", "k", "Space");
        assertTrue(Files.readString(f).contains("- [x] Restore test\r\n"), Files.readString(f));
    }

    @Test
    void promptCommandsCheckAndUncheck() throws Exception {
        Path f = checklist();
        VirtualConsole vc = console(f);
        vc.command("todo check safe-deploy");
        assertTrue(Files.readString(f).contains("- [x] Create safe-deploy.sh"));
        assertEquals("ticked: Create safe-deploy.sh", vc.model().notice());
        vc.command("todo uncheck 1");
        assertTrue(Files.readString(f).contains("- [ ] Verify daily backups"));
        vc.command("todo check nothing-like-this");
        assertTrue(vc.model().notice().contains("no item matches"), vc.model().notice());
        vc.command("todo frobnicate x");
        assertTrue(vc.model().notice().startsWith("usage: todo"), vc.model().notice());
    }

    @Test
    void absentFileSaysWhereItLooked() throws Exception {
        Path missing = dir.resolve("nope/TODO-CHECKLIST.md");
        VirtualConsole vc = console(missing);
        vc.keys("t");
        String s = vc.render();
        assertTrue(s.contains("no TODO file at " + dir.resolve("nope")), s);
        vc.keys("Space");
        assertEquals("no item to tick", vc.model().notice());
    }

    @Test
    void helpOverlayListsTheTodoKeys() throws Exception {
        VirtualConsole vc = console(checklist());
        vc.keys("?");
        String help = String.join("\n", vc.model().overlay().lines());
        assertTrue(help.contains("TODO view"), help);
        assertTrue(help.contains("Space x") && help.contains("todo-toggle"), help);
        assertTrue(help.contains("C-u") && help.contains("kill-to-start"), help);
    }

    private static void runAll(Queue<Runnable> q) {
        for (Runnable r; (r = q.poll()) != null; ) r.run();
    }

    private static int indexOf(String[] rows, String text) {
        for (int i = 0; i < rows.length; i++) if (rows[i].contains(text)) return i;
        return -1;
    }
}

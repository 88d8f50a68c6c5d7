package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TodoFileTest {

    private static final String TEXT = "\uFEFF# Week 1\r\n- [ ] Create pre-flight.sh  \r\n- [X] Validate\r\n"
            + "## Day 3\r\n- [ ] Install Just";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void checksAndUnchecksExactlyTheOneByte() throws Exception {
        Path f = write("t.md", TEXT);
        byte[] before = Files.readAllBytes(f);
        TodoFile.Toggled t = TodoFile.toggle(f, ItemRef.parse("pre-flight"), true);
        assertTrue(t.changed());
        assertTrue(t.item().checked());
        byte[] after = Files.readAllBytes(f);
        before[t.item().offset()] = 'x';
        assertArrayEquals(before, after);

        TodoFile.toggle(f, ItemRef.parse("validate"), false);
        assertEquals(TEXT.replace("[ ] Create", "[x] Create").replace("[X]", "[ ]"), Files.readString(f));
        assertFalse(TodoFile.toggle(f, ItemRef.parse("validate"), false).changed());
    }

    @Test
    void keepsPermissionsAndSymlinks() throws Exception {
        Path f = write("t.md", TEXT);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Path link = dir.resolve("link.md");
        Files.createSymbolicLink(link, f.getFileName());
        TodoFile.toggle(link, ItemRef.parse("3"), true);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(Files.readString(f).endsWith("- [x] Install Just"));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temp file left behind");
        }
    }

    @Test
    void fileEditedSinceItWasReadIsReadAgainAndTheSameItemToggled() throws Exception {
        Path f = write("t.md", TEXT);
        TodoDocument doc = TodoDocument.parse(f);
        TodoItem just = doc.find(ItemRef.parse("Install Just"));
        // Meanwhile, in an editor: a new item above, another item ticked, the line ending style unchanged.
        String edited = TEXT.replace("## Day 3\r\n", "## Day 3\r\n- [ ] Brand new item\r\n")
                .replace("[ ] Create", "[x] Create");
        Files.writeString(f, edited);

        TodoFile.Toggled t = TodoFile.toggle(f, doc, just, true);
        assertEquals("Install Just", t.item().text());
        assertEquals(edited.replace("- [ ] Install Just", "- [x] Install Just"), Files.readString(f));
        assertTrue(t.item().offset() > just.offset());
    }

    @Test
    void vanishedOrDuplicatedItemIsNeverWrittenBlind() throws Exception {
        Path f = write("t.md", TEXT);
        TodoDocument doc = TodoDocument.parse(f);
        TodoItem just = doc.find(ItemRef.parse("Install Just"));

        String gone = TEXT.replace("- [ ] Install Just", "- [ ] Install just (renamed)");
        Files.writeString(f, gone);
        TodoException e = assertThrows(TodoException.class, () -> TodoFile.toggle(f, doc, just, true));
        assertTrue(e.getMessage().contains("no longer"), e.getMessage());
        assertEquals(gone, Files.readString(f));

        String twice = TEXT + "\r\n- [ ] Install Just";
        Files.writeString(f, twice);
        e = assertThrows(TodoException.class, () -> TodoFile.toggle(f, doc, just, true));
        assertTrue(e.getMessage().contains("2 times"), e.getMessage());
        assertEquals(twice, Files.readString(f));
    }

    @Test
    void sameTextUnderOtherHeadingsIsToldApart() throws Exception {
        Path f = write("t.md", "# A\n- [ ] Test on Cortex\n# B\n- [ ] Test on Cortex\n");
        TodoDocument doc = TodoDocument.parse(f);
        TodoItem b = doc.items().get(1);
        Files.writeString(f, "# A\n- [ ] Test on Cortex\n- [ ] more\n# B\n- [ ] Test on Cortex\n");
        TodoFile.toggle(f, doc, b, true);
        assertEquals("# A\n- [ ] Test on Cortex\n- [ ] more\n# B\n- [x] Test on Cortex\n", Files.readString(f));
    }

    @Test
    void ambiguousTextQueryNamesTheCandidates() throws Exception {
        Path f = write("t.md", TEXT);
        TodoException e = assertThrows(TodoException.class, () -> TodoFile.toggle(f, ItemRef.parse("a"), true));
        assertTrue(e.getMessage().contains("#1 Create pre-flight.sh") && e.getMessage().contains("#3 Install Just"),
                e.getMessage());
    }
}

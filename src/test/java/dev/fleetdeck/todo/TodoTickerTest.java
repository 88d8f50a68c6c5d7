package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TodoTickerTest {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "@servers", Set.of("cortex", "nas"), "all", Set.of("cortex", "nas", "orion"));
    private static final Function<String, Set<String>> RESOLVE = t -> GROUPS.getOrDefault(t, Set.of());

    @TempDir
    Path dir;

    private Path checklist() throws Exception {
        Path f = dir.resolve("TODO-CHECKLIST.md");
        Files.write(f, SampleChecklistTest.sample());
        return f;
    }

    private static boolean checked(Path f, String text) throws Exception {
        return TodoDocument.parse(f).find(new ItemRef.Text(text)).checked();
    }

    @Test
    void passingRunTicksLinkedItemsFailingRunDoesNot() throws Exception {
        Path f = checklist();
        TodoTicker ticker = new TodoTicker(f, RESOLVE);
        byte[] before = Files.readAllBytes(f);

        assertEquals(List.of(), ticker.runFinished(new TodoTicker.FinishedRun("backup-verify", Set.of("cortex", "nas"), false)));
        assertArrayEquals(before, Files.readAllBytes(f));

        List<TodoItem> ticked = ticker.runFinished(new TodoTicker.FinishedRun("backup-verify", Set.of("cortex", "nas"), true));
        assertEquals(List.of("Verify daily backups running", "Daily automated backups running"),
                ticked.stream().map(TodoItem::text).toList());
        assertTrue(checked(f, "Verify daily backups running"));
        assertTrue(checked(f, "Daily automated backups running"));
        assertEquals(2, differences(before, Files.readAllBytes(f)));
    }

    @Test
    void runMustCoverEveryHostTheSelectionNames() throws Exception {
        Path f = checklist();
        TodoTicker ticker = new TodoTicker(f, RESOLVE);
        assertEquals(List.of(), ticker.runFinished(new TodoTicker.FinishedRun("backup-verify", Set.of("cortex"), true)));
        assertEquals(List.of(), ticker.runFinished(new TodoTicker.FinishedRun("preflight", Set.of("cortex", "nas"), true)),
                "all = cortex, nas, orion");
        assertEquals(1, ticker.runFinished(new TodoTicker.FinishedRun("preflight", Set.of("orion", "cortex"), true)).size());
        assertEquals(List.of(), ticker.runFinished(new TodoTicker.FinishedRun("gpu-check", Set.of("orion"), true)));
        assertTrue(TodoTicker.covers("", Set.of("x"), RESOLVE));
        assertFalse(TodoTicker.covers("@nosuchtag", Set.of("cortex"), RESOLVE));
    }

    @Test
    void handTickedItemStaysTickedWhenALaterRunFails() throws Exception {
        Path f = checklist();
        TodoFile.toggle(f, new ItemRef.Text("Verify daily backups"), true);
        byte[] before = Files.readAllBytes(f);
        TodoTicker ticker = new TodoTicker(f, RESOLVE);
        ticker.runFinished(new TodoTicker.FinishedRun("backup-verify", Set.of("cortex", "nas"), false));
        ticker.metricsChanged((kind, host) -> 0);
        assertArrayEquals(before, Files.readAllBytes(f));
        assertTrue(checked(f, "Verify daily backups"));
    }

    @Test
    void metricTicksOnceTheCountIsReached() throws Exception {
        Path f = checklist();
        TodoTicker ticker = new TodoTicker(f, RESOLVE);
        assertEquals(List.of(), ticker.metricsChanged((kind, host) -> kind.equals("deploys") && host.equals("cortex") ? 4 : 0));
        assertFalse(checked(f, "5 successful deploys"));
        List<TodoItem> ticked = ticker.metricsChanged((kind, host) -> kind.equals("deploys") && host.equals("cortex") ? 5 : 0);
        assertEquals(List.of("5 successful deploys to Cortex without SSH loss"), ticked.stream().map(TodoItem::text).toList());
        assertEquals(List.of(), ticker.metricsChanged((kind, host) -> 0), "a count that drops unticks nothing");
        assertTrue(checked(f, "5 successful deploys"));
    }

    @Test
    void missingChecklistIsNoError() throws Exception {
        TodoTicker ticker = new TodoTicker(dir.resolve("none.md"), RESOLVE);
        assertEquals(List.of(), ticker.runFinished(new TodoTicker.FinishedRun("backup-verify", Set.of("cortex"), true)));
    }

    private static int differences(byte[] a, byte[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) d++;
        return d;
    }
}

package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Toggling changes one byte and nothing about the document's structure; toggling back restores the file. */
class RoundTripTest {

    /** Items toggled per file in memory; the taskified corpus has files with thousands of items. */
    private static final int PER_FILE = 12;

    @TempDir
    Path dir;

    @Test
    void everyCorpusItemFlipsOneByteAndBack() {
        Map<String, byte[]> corpus = new LinkedHashMap<>(EdgeCases.all());
        corpus.putAll(Corpus.machineAndTaskified());
        long t0 = System.nanoTime();
        int files = 0;
        int flips = 0;
        for (var e : corpus.entrySet()) {
            byte[] bytes = e.getValue();
            TodoDocument doc = TodoDocument.parse(bytes, e.getKey());
            if (doc.items().isEmpty()) continue;
            files++;
            for (TodoItem item : sample(doc.items())) {
                byte[] flipped = TodoFile.withState(bytes, item, !item.checked(), e.getKey());
                assertEquals(1, differences(bytes, flipped), e.getKey());
                TodoDocument after = TodoDocument.parse(flipped, e.getKey());
                assertEquals(expectedAfterFlip(doc.items(), item), after.items(), e.getKey() + " item " + item.index());
                byte[] back = TodoFile.withState(flipped, after.items().get(item.index() - 1), item.checked(), "");
                // An 'X' comes back as 'x': the one byte we own; everything else must be identical.
                if (bytes[item.offset()] == 'X') back[item.offset()] = 'X';
                assertArrayEquals(bytes, back, e.getKey() + " item " + item.index());
                flips++;
            }
        }
        System.out.printf("round trip: %d files with items, %d items flipped and back, %d ms%n", files, flips,
                (System.nanoTime() - t0) / 1_000_000);
        assertTrue(flips > 1000);
    }

    @Test
    void onDiskEveryItemOfTheEdgeCasesRoundTrips() throws Exception {
        int n = 0;
        for (var e : EdgeCases.all().entrySet()) {
            Path f = dir.resolve("c" + n++ + ".md");
            Files.write(f, e.getValue());
            TodoDocument doc = TodoDocument.parse(f);
            for (TodoItem item : doc.items()) {
                TodoFile.toggle(f, new ItemRef.Index(item.index()), !item.checked());
                TodoFile.toggle(f, new ItemRef.Index(item.index()), item.checked());
                byte[] now = Files.readAllBytes(f);
                if (e.getValue()[item.offset()] == 'X') now[item.offset()] = 'X';
                assertArrayEquals(e.getValue(), now, e.getKey());
                Files.write(f, e.getValue());
            }
        }
    }

    private static List<TodoItem> sample(List<TodoItem> items) {
        if (items.size() <= PER_FILE) return items;
        List<TodoItem> out = new ArrayList<>();
        for (int i = 0; i < PER_FILE; i++) out.add(items.get(i * items.size() / PER_FILE));
        return out;
    }

    private static List<TodoItem> expectedAfterFlip(List<TodoItem> items, TodoItem flipped) {
        return items.stream().map(i -> i != flipped ? i : new TodoItem(i.index(), i.line(), i.offset(), !i.checked(),
                i.text(), i.depth(), i.headings(), i.links())).toList();
    }

    private static int differences(byte[] a, byte[] b) {
        assertEquals(a.length, b.length);
        int d = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) d++;
        return d;
    }
}

package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our task items against cmark-gfm's, line by line and state by state, on every corpus file. The only inputs
 * where we knowingly differ are in {@link #cmarkQuirksWeDoNotCopy}; they are not in the corpora.
 */
class CmarkAgreementTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void reference() {
        assumeTrue(CmarkGfm.installed(), "cmark-gfm is not installed");
    }

    @Test
    void edgeCasesAgree() throws Exception {
        Report r = compare(EdgeCases.all());
        System.out.println("cmark-gfm agreement, edge cases: " + r);
        assertTrue(r.items > 100, r.toString());
        assertEquals(List.of(), r.disagreements);
    }

    @Test
    void machineFilesAndTheirTaskifiedTwinsAgree() throws Exception {
        Map<String, byte[]> corpus = Corpus.machineAndTaskified();
        assumeTrue(corpus.size() > 20, "too few Markdown files on this machine");
        Report r = compare(corpus);
        System.out.println("cmark-gfm agreement, machine corpus: " + r);
        assertTrue(r.items > 1000, r.toString());
        assertEquals(List.of(), r.disagreements);
    }

    /**
     * Two behaviours of cmark-gfm 0.29.0.gfm.6 we do not copy, pinned here so a cmark-gfm upgrade that changes
     * them is noticed:
     * <ol>
     * <li>The checked state comes from {@code strstr(line, "[x]")} over the whole line, so {@code - [ ] a [x]}
     * renders checked. The GFM spec (and every other renderer) takes the state from the box itself, and a
     * toggle must be able to flip what it shows: we say unchecked.</li>
     * <li>The tasklist rule is tried on every line that opens a block directly inside an item, and its
     * re2c {@code [0-9]+.} takes any character after the digits, so a later paragraph like {@code 5x [ ] b}
     * turns its item into a task (the item's own first line has no box). We only look at the item's first
     * line.</li>
     * <li>It skips a leading UTF-8 BOM when parsing blocks, but its tasklist scan reads line 1 from byte 0,
     * BOM included, so a task on the first line of a file with a BOM is a plain item to it. A BOM is not
     * content (CommonMark, and cmark-gfm's own block parser, say so): we see the task. {@link #compare}
     * allows exactly this: with a BOM, our task on line 1 where cmark-gfm has a plain item on line 1.</li>
     * </ol>
     */
    @Test
    void cmarkQuirksWeDoNotCopy() throws Exception {
        byte[] strstr = EdgeCases.utf8("- [ ] a [x]\n");
        assertEquals(List.of(new CmarkGfm.Task(1, true)), CmarkGfm.tasks(strstr, dir.resolve("q1.md")));
        assertEquals(List.of(new CmarkGfm.Task(1, false)), CmarkGfm.ours(TodoDocument.parse(strstr, "q1")));

        byte[] pseudo = EdgeCases.utf8("- a\n\n  5x [ ] b\n");
        assertEquals(List.of(new CmarkGfm.Task(1, false)), CmarkGfm.tasks(pseudo, dir.resolve("q2.md")));
        assertEquals(List.of(), CmarkGfm.ours(TodoDocument.parse(pseudo, "q2")));

        byte[] bom = EdgeCases.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, EdgeCases.utf8("- [ ] a\n"));
        CmarkGfm.Items theirs = CmarkGfm.items(bom, dir.resolve("q3.md"));
        assertEquals(List.of(), theirs.tasks());
        assertEquals(List.of(1), theirs.plainLines());
        assertEquals(List.of(new CmarkGfm.Task(1, false)), CmarkGfm.ours(TodoDocument.parse(bom, "q3")));
    }

    private Report compare(Map<String, byte[]> corpus) throws Exception {
        Report r = new Report();
        long t0 = System.nanoTime();
        Path scratch = dir.resolve("in.md");
        for (var e : corpus.entrySet()) {
            CmarkGfm.Items items = CmarkGfm.items(e.getValue(), scratch);
            List<CmarkGfm.Task> theirs = items.tasks();
            List<CmarkGfm.Task> ours = new ArrayList<>(CmarkGfm.ours(TodoDocument.parse(e.getValue(), e.getKey())));
            if (hasBom(e.getValue()) && items.plainLines().contains(1) && !ours.isEmpty() && ours.get(0).line() == 1) {
                ours.remove(0); // quirk 3 of cmarkQuirksWeDoNotCopy, and nothing else
                r.bomFirstLine++;
            }
            r.files++;
            r.items += theirs.size();
            if (!theirs.equals(ours)) r.disagreements.add(e.getKey() + "\n  cmark-gfm: " + theirs + "\n  ours:      " + ours);
        }
        r.millis = (System.nanoTime() - t0) / 1_000_000;
        return r;
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    private static final class Report {
        int bomFirstLine;
        int files;
        int items;
        long millis;
        final List<String> disagreements = new ArrayList<>();

        @Override
        public String toString() {
            return files + " files, " + items + " task items, " + disagreements.size() + " disagreements ("
                    + bomFirstLine + " BOM first-line items set aside), " + millis + " ms";
        }
    }
}

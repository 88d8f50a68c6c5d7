package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TodoDocumentTest {

    private static final String PLAN = """
            # TODO
            - [ ] loose item <!-- fleetdeck: preflight -->

            ## Week 1: Critical
            ### Day 1-2: Deployment Safety
            - [x] Create pre-flight.sh
            - [ ] Test on **Cortex**
              - [X] nested child
            1) [ ] ordered
            ```
            - [ ] in code
            ```
            ### Day 3: Just
            - [ ] Install Just
            ## Week 2
            - [x] Docs
            """;

    @Test
    void findsItemsWithOffsetsLinesTextDepthAndHeadings() {
        byte[] bytes = EdgeCases.utf8(PLAN);
        TodoDocument doc = TodoDocument.parse(bytes, "plan");
        List<TodoItem> items = doc.items();
        assertEquals(List.of("loose item", "Create pre-flight.sh", "Test on **Cortex**", "nested child", "ordered",
                "Install Just", "Docs"), items.stream().map(TodoItem::text).toList());
        for (TodoItem i : items) {
            assertEquals('[', bytes[i.offset() - 1]);
            assertEquals(']', bytes[i.offset() + 1]);
            assertEquals(i.checked(), bytes[i.offset()] != ' ');
            assertEquals(i.line(), lineOf(bytes, i.offset()));
        }
        TodoItem child = items.get(3);
        assertEquals(1, child.depth());
        assertTrue(child.checked());
        assertEquals(List.of("TODO", "Week 1: Critical", "Day 1-2: Deployment Safety"), child.headings());
        assertEquals(List.of("TODO"), items.get(0).headings());
        assertEquals(List.of(new TodoLink.TaskLink("preflight", "")), items.get(0).links());
        assertEquals(List.of("TODO", "Week 2"), items.get(6).headings());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), items.stream().map(TodoItem::index).toList());
    }

    @Test
    void sectionsRollUpIntoTheirParents() {
        TodoDocument doc = TodoDocument.parse(EdgeCases.utf8(PLAN), "plan");
        Section todo = doc.root().children().get(0);
        assertEquals("TODO", todo.title());
        Section week1 = todo.children().get(0);
        assertEquals(new Progress(2, 5), week1.progress());
        assertEquals(new Progress(2, 4), week1.children().get(0).progress());
        assertEquals(new Progress(0, 1), week1.children().get(1).progress());
        assertEquals(new Progress(3, 7), doc.progress());
        assertEquals(new Progress(3, 7), todo.progress());
        assertEquals(1, todo.items().size());
        assertEquals("[####------] 3/7 42%", doc.progress().toString());
    }

    @Test
    void bomCrlfAndTabsKeepOffsetsInOriginalBytes() {
        byte[] bytes = EdgeCases.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                EdgeCases.utf8("- [ ] first\r\n-\t[x] tab\r\n\r\n# Ü\r\n  - [ ] café\t \r\n- [X] last"));
        TodoDocument doc = TodoDocument.parse(bytes, "bom");
        assertEquals(List.of(6, 19, 40, 55), doc.items().stream().map(TodoItem::offset).toList());
        assertEquals(List.of(1, 2, 5, 6), doc.items().stream().map(TodoItem::line).toList());
        assertEquals("café", doc.items().get(2).text());
        assertEquals(List.of("Ü"), doc.items().get(2).headings());
        for (TodoItem i : doc.items()) assertEquals('[', bytes[i.offset() - 1]);
    }

    @Test
    void findsByIndexOrTextAndRefusesToGuess() {
        TodoDocument doc = TodoDocument.parse(EdgeCases.utf8(PLAN), "plan");
        assertEquals("ordered", doc.find(ItemRef.parse("5")).text());
        assertEquals("Install Just", doc.find(ItemRef.parse("install")).text());
        assertEquals("Docs", doc.find(ItemRef.parse("DOCS")).text());
        TodoException many = assertThrows(TodoException.class, () -> doc.find(ItemRef.parse("e")));
        assertTrue(many.getMessage().contains("#2 Create pre-flight.sh"), many.getMessage());
        assertThrows(TodoException.class, () -> doc.find(ItemRef.parse("99")));
        assertThrows(TodoException.class, () -> doc.find(ItemRef.parse("0")));
        assertThrows(TodoException.class, () -> doc.find(ItemRef.parse("no such thing")));
        assertThrows(TodoException.class, () -> ItemRef.parse("  "));
    }

    @Test
    void exactTextWinsOverSubstrings() {
        TodoDocument doc = TodoDocument.parse(EdgeCases.utf8("- [ ] Deploy\n- [ ] Deploy cortex\n"), "d");
        assertEquals(1, doc.find(ItemRef.parse("deploy")).index());
        assertFalse(doc.find(ItemRef.parse("cortex")).checked());
    }

    private static int lineOf(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (b[i] == '\n') line++;
        return line;
    }
}

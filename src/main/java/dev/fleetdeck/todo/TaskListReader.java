package dev.fleetdeck.todo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the task items of a Markdown file and where their checkboxes are, in bytes.
 *
 * <p>Why commonmark-java and not hand rules: whether a {@code - [ ]} line is a list item at all depends on
 * the whole block structure (fenced and indented code, HTML blocks and comments, block quotes, lazy
 * continuation, list indentation, tabs). commonmark-java is a maintained, spec-tested parser of exactly that;
 * its block source spans tell which line and column each list item and its first paragraph start on. Its own
 * task-list extension is not used: it works on inline text (no byte positions) and follows the GFM prose,
 * while we must agree with cmark-gfm, GitHub's reference implementation, which is stricter (below).
 *
 * <p>On top of the parser's list items we apply cmark-gfm 0.29's tasklist rule byte for byte: an item is a
 * task when its first block is a paragraph starting on the item's own line and that whole raw line matches
 * {@code spacechar* (bullet) spacechar+ "[" [ xX] "]" spacechar+} with spacechar = space, tab, VT, FF. So
 * {@code [x]} at the end of a line is no task, and neither is an item that shares its line with another
 * container's marker ({@code > - [ ] a}, {@code - - [ ] a}): cmark-gfm scans the line from its first column.
 */
final class TaskListReader {

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /** cmark-gfm extensions/ext_scanners.re {@code tasklist}; re2c's {@code .} is any byte but a newline. */
    private static final Pattern BOX = Pattern.compile(
            "[ \\t\\x0B\\f]*(?:[-+*]|[0-9]+[^\\n])[ \\t\\x0B\\f]+\\[([ xX])][ \\t\\x0B\\f]+");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    record Result(List<TodoItem> items, Section root) {
    }

    private TaskListReader() {
    }

    static Result read(byte[] bytes) {
        // cmark-gfm drops a leading BOM before parsing; commonmark-java would not, so we skip it ourselves and
        // start line 0 at byte 3: offsets stay offsets into the original bytes.
        int from = startsWith(bytes, BOM) ? BOM.length : 0;
        Node doc = PARSER.parse(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        SourceLines lines = SourceLines.of(bytes, from);
        List<TodoItem> all = new ArrayList<>();
        SectionTree tree = new SectionTree();
        for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading h) {
                tree.heading(InlineText.of(h), h.getLevel(), line(h) + 1);
                continue;
            }
            for (ListItem li : listItems(block)) {
                TodoItem item = item(li, lines, all.size() + 1, tree.path());
                if (item != null) {
                    all.add(item);
                    tree.add(item);
                }
            }
        }
        return new Result(all, tree.build());
    }

    private static TodoItem item(ListItem li, SourceLines lines, int index, List<String> headings) {
        Node first = li.getFirstChild();
        if (!(first instanceof Paragraph || first instanceof Heading) || li.getSourceSpans().isEmpty()) return null;
        int line = line(li);
        if (line(first) != line) return null;
        String raw = lines.latin1(line);
        Matcher m = BOX.matcher(raw);
        if (!m.lookingAt()) return null;
        // The parser's paragraph must begin at this bracket (only blanks between, e.g. a partly used tab).
        // Everything before the bracket is ASCII, so the span's char column is its byte column.
        int col = first.getSourceSpans().get(0).getColumnIndex();
        int bracket = m.start(1) - 1;
        if (col > bracket || !raw.substring(col, bracket).isBlank()) return null;
        int start = lines.start(line);
        String markerText = ownText(li, lines);
        String text = TodoLink.strip(lines.utf8(line, start + m.end())).strip();
        return new TodoItem(index, line + 1, start + m.start(1), m.group(1).charAt(0) != ' ', text,
                depth(li), headings, TodoLink.findAll(markerText));
    }

    /** The item's own lines (its paragraph and HTML, not its sub-lists), where its markers may be written. */
    private static String ownText(ListItem li, SourceLines lines) {
        Set<Integer> own = new LinkedHashSet<>();
        for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof Paragraph || c instanceof Heading || c instanceof HtmlBlock)) continue;
            for (SourceSpan s : c.getSourceSpans()) own.add(s.getLineIndex());
        }
        StringBuilder sb = new StringBuilder();
        for (int l : own) sb.append(lines.utf8(l, lines.start(l))).append('\n');
        return sb.toString();
    }

    /** List items under {@code root} in document order; a loop, not recursion: nesting can be deep. */
    private static List<ListItem> listItems(Node root) {
        List<ListItem> out = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof ListItem li) out.add(li);
            if (!(n instanceof Block)) continue;
            Deque<Node> kids = new ArrayDeque<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) if (c instanceof Block) kids.push(c);
            while (!kids.isEmpty()) todo.push(kids.pop());
        }
        return out;
    }

    private static int depth(Node n) {
        int d = 0;
        for (Node p = n.getParent(); p != null && !(p instanceof Document); p = p.getParent()) {
            if (p instanceof ListItem) d++;
        }
        return d;
    }

    private static int line(Node n) {
        return n.getSourceSpans().isEmpty() ? -1 : n.getSourceSpans().get(0).getLineIndex();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }
}

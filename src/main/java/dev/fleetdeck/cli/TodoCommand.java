package dev.fleetdeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetdeck.text.TerminalSanitizer;
import dev.fleetdeck.todo.ItemRef;
import dev.fleetdeck.todo.Progress;
import dev.fleetdeck.todo.Section;
import dev.fleetdeck.todo.TodoDocument;
import dev.fleetdeck.todo.TodoException;
import dev.fleetdeck.todo.TodoFile;
import dev.fleetdeck.todo.TodoItem;
import dev.fleetdeck.todo.TodoLink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck todo}: the TODO checklist with progress per section, and {@code todo check|uncheck} to tick
 * an item by rewriting its one checkbox byte. Failures are one {@code fleetdeck:} line here rather than via the
 * root's handler, so the command behaves the same wherever it is mounted.
 */
@Command(name = "todo", mixinStandardHelpOptions = true,
        description = "Show the TODO checklist with progress per section.",
        subcommands = {TodoCommand.Check.class, TodoCommand.Uncheck.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:bad usage, missing file"})
public final class TodoCommand implements Callable<Integer> {

    static final String DEFAULT_FILE = "TODO-CHECKLIST.md";
    private static final int BAR = 10;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "checklist (default: ./" + DEFAULT_FILE + ")")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return guarded(spec, () -> {
            TodoDocument doc = TodoDocument.parse(orDefault(file));
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? json(doc) + "\n" : text(doc));
            out.flush();
            return ExitCodes.OK;
        });
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Tick an item (by number or text).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:ticked (or already ticked)", "1:the file could not be written",
                    "2:bad usage, missing file, unknown or ambiguous item"})
    static final class Check extends Toggle {
        Check() {
            super(true);
        }
    }

    @Command(name = "uncheck", mixinStandardHelpOptions = true, description = "Untick an item (by number or text).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:unticked (or already unticked)", "1:the file could not be written",
                    "2:bad usage, missing file, unknown or ambiguous item"})
    static final class Uncheck extends Toggle {
        Uncheck() {
            super(false);
        }
    }

    abstract static class Toggle implements Callable<Integer> {
        private final boolean checked;

        @Parameters(arity = "1..*", paramLabel = "ITEM", description = "its number as listed, or words of its text")
        List<String> item;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "checklist (default: ./" + DEFAULT_FILE + ")")
        Path file;

        @Spec
        CommandSpec spec;

        Toggle(boolean checked) {
            this.checked = checked;
        }

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                TodoFile.Toggled t = TodoFile.toggle(orDefault(file), ItemRef.parse(String.join(" ", item)), checked);
                TodoItem i = t.item();
                String what = "#" + i.index() + " " + TerminalSanitizer.plain(i.text());
                PrintWriter out = spec.commandLine().getOut();
                out.println(t.changed() ? (checked ? "checked " : "unchecked ") + what
                        : what + " was already " + (checked ? "checked" : "unchecked"));
                out.println("progress " + t.document().progress());
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    private interface Body {
        int run() throws IOException;
    }

    private static int guarded(CommandSpec spec, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.run();
        } catch (NoSuchFileException e) {
            err.println("fleetdeck: no checklist at " + e.getFile() + " (give FILE, or run where " + DEFAULT_FILE
                    + " is)");
            return ExitCodes.USAGE;
        } catch (TodoException e) {
            err.println("fleetdeck: " + TerminalSanitizer.plain(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("fleetdeck: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            err.flush();
        }
    }

    private static Path orDefault(Path file) {
        return file != null ? file : Path.of(DEFAULT_FILE);
    }

    static String text(TodoDocument doc) {
        StringBuilder sb = new StringBuilder();
        sb.append(TerminalSanitizer.plain(doc.source())).append("  ").append(doc.progress()).append('\n');
        int width = Math.min(60, Math.max(20, titleWidth(doc.root(), -2)));
        section(sb, doc.root(), -1, width);
        return sb.toString();
    }

    private static void section(StringBuilder sb, Section s, int depth, int width) {
        Progress p = s.progress();
        if (p.total() == 0) return;
        String pad = "  ".repeat(Math.max(0, depth));
        if (depth >= 0) {
            String title = pad + TerminalSanitizer.plain(s.title());
            sb.append('\n').append(title).append(" ".repeat(Math.max(1, width - title.length() + 2))).append(p).append('\n');
        }
        for (TodoItem i : s.items()) {
            sb.append(pad).append(String.format("%4d ", i.index())).append("  ".repeat(i.depth()))
                    .append(TerminalSanitizer.plain(i.label())).append('\n');
        }
        for (Section c : s.children()) section(sb, c, depth + 1, width);
    }

    private static int titleWidth(Section s, int depth) {
        int w = depth < 0 ? 0 : depth * 2 + s.title().length();
        for (Section c : s.children()) w = Math.max(w, titleWidth(c, depth + 1));
        return w;
    }

    static String json(TodoDocument doc) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("file", doc.source());
        progress(o, doc.progress());
        ArrayNode items = o.putArray("items");
        doc.items().forEach(i -> item(items.addObject(), i));
        ArrayNode sections = o.putArray("sections");
        doc.root().children().forEach(s -> section(sections.addObject(), s));
        return o.toPrettyString();
    }

    private static void section(ObjectNode o, Section s) {
        o.put("title", s.title());
        o.put("level", s.level());
        o.put("line", s.line());
        progress(o, s.progress());
        ArrayNode items = o.putArray("items");
        s.items().forEach(i -> items.add(i.index()));
        ArrayNode children = o.putArray("sections");
        s.children().forEach(c -> section(children.addObject(), c));
    }

    private static void item(ObjectNode o, TodoItem i) {
        o.put("index", i.index());
        o.put("line", i.line());
        o.put("offset", i.offset());
        o.put("checked", i.checked());
        o.put("text", i.text());
        o.put("depth", i.depth());
        ArrayNode h = o.putArray("headings");
        i.headings().forEach(h::add);
        ArrayNode links = o.putArray("links");
        for (TodoLink l : i.links()) {
            ObjectNode lo = links.addObject();
            if (l instanceof TodoLink.TaskLink t) {
                lo.put("task", t.taskId());
                lo.put("selection", t.selection());
            } else if (l instanceof TodoLink.MetricLink ml) {
                lo.put("metric", ml.kind());
                lo.put("host", ml.host());
                lo.put("atLeast", ml.atLeast());
            }
        }
    }

    private static void progress(ObjectNode o, Progress p) {
        o.put("done", p.done());
        o.put("total", p.total());
        o.put("percent", p.percent());
    }
}

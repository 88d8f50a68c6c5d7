package dev.fleetdeck.todo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reference: what Debian's cmark-gfm (0.29.0.gfm.6) calls a task item, by line and state. */
final class CmarkGfm {

    /** A task item as compared: the line of its list item (1-based) and its state. */
    record Task(int line, boolean checked) {
    }

    /** What cmark-gfm made of a file: its task items, and the lines of list items that are not tasks. */
    record Items(List<Task> tasks, List<Integer> plainLines) {
    }

    private static final Pattern LI = Pattern.compile(
            "<li data-sourcepos=\"(\\d+):\\d+-\\d+:\\d+\">(<input type=\"checkbox\"( checked=\"\")? disabled=\"\" />)?");

    private CmarkGfm() {
    }

    static boolean installed() {
        try {
            Process p = new ProcessBuilder("cmark-gfm", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Raw HTML in the input is omitted by cmark-gfm's default (safe) mode and code is escaped, so every
     * {@code <li data-sourcepos} in its output is one of its own list items.
     */
    static Items items(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("cmark-gfm", "--extension", "tasklist", "--sourcepos", "-t", "html",
                file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("cmark-gfm failed on " + file);
        List<Task> tasks = new ArrayList<>();
        List<Integer> plain = new ArrayList<>();
        Matcher m = LI.matcher(html);
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            if (m.group(2) != null) tasks.add(new Task(line, m.group(3) != null));
            else plain.add(line);
        }
        return new Items(tasks, plain);
    }

    static Items items(byte[] bytes, Path scratch) throws IOException, InterruptedException {
        Files.write(scratch, bytes);
        return items(scratch);
    }

    static List<Task> tasks(byte[] bytes, Path scratch) throws IOException, InterruptedException {
        return items(bytes, scratch).tasks();
    }

    static List<Task> ours(TodoDocument doc) {
        return doc.items().stream().map(i -> new Task(i.line(), i.checked())).toList();
    }
}

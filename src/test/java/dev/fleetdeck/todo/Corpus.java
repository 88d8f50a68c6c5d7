package dev.fleetdeck.todo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Markdown to test against: files found on this machine, the same files turned into task lists, and edge cases. */
final class Corpus {

    /** Where to look; never /work, whose worktrees change under us. */
    private static final List<String> ROOTS = List.of("/usr/share/doc", "/usr/lib", "/usr/share", "/usr/local",
            "/opt", "/root/.m2");
    static final int MAX_FILES = 300;

    private Corpus() {
    }

    /** Up to {@link #MAX_FILES} Markdown files under 512 KiB, spread evenly over what is there. */
    static Map<String, byte[]> machine() {
        List<Path> found = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (String root : ROOTS) {
            Path r = Path.of(root);
            if (!Files.isDirectory(r)) continue;
            try (Stream<Path> s = Files.find(r, 20, (p, a) -> a.isRegularFile() && a.size() < 512 * 1024
                    && p.getFileName().toString().toLowerCase().endsWith(".md"))) {
                s.forEach(p -> {
                    if (seen.add(real(p))) found.add(p);
                });
            } catch (IOException | UncheckedIOException e) {
                // unreadable corners of the file system are simply not part of the corpus
            }
        }
        found.sort(null);
        Map<String, byte[]> out = new LinkedHashMap<>();
        double step = Math.max(1.0, found.size() / (double) MAX_FILES);
        for (double i = 0; i < found.size() && out.size() < MAX_FILES; i += step) {
            Path p = found.get((int) i);
            try {
                out.put(p.toString(), Files.readAllBytes(p));
            } catch (IOException e) {
                // skip
            }
        }
        return out;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static final Pattern BULLET = Pattern.compile(
            "(?m)^([ \\t>]*(?:[-+*]|\\d{1,9}[.)])[ \\t]+)(?!\\[[ xX]])");

    /**
     * The file with a checkbox put after every bullet-like line start, everywhere: in real lists, but also in
     * code, HTML, quotes and paragraphs, where a correct reader must not see tasks. States rotate ' ', x, X.
     */
    static byte[] taskified(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher m = BULLET.matcher(s);
        StringBuilder sb = new StringBuilder();
        String[] boxes = {"[ ] ", "[x] ", "[X] "};
        int n = 0;
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + boxes[n++ % 3]));
        m.appendTail(sb);
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The machine files and their taskified twins. */
    static Map<String, byte[]> machineAndTaskified() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        machine().forEach((name, bytes) -> {
            out.put(name, bytes);
            out.put(name + " (taskified)", taskified(bytes));
        });
        return out;
    }
}

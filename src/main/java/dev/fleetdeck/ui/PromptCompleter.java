package dev.fleetdeck.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.CompletionMatcherImpl;
import org.jline.reader.impl.DefaultParser;

/**
 * Tab completion for the prompt, built on JLine's headless pieces: {@link DefaultParser} splits the line (quotes
 * and escapes as in JLine), {@link CompletionMatcherImpl} filters candidates exactly as a JLine LineReader would.
 */
public final class PromptCompleter {

    /** Where candidates come from; suppliers, so a theme file added while running is offered. */
    public record Sources(Supplier<List<String>> hosts, Supplier<List<String>> tags, Supplier<List<String>> tasks,
                          Function<String, List<String>> taskParams, Supplier<List<String>> themes,
                          Supplier<List<String>> keymaps, Supplier<List<String>> runs) {
    }

    /** The word being completed ({@code [start, end)} of the line) and what may replace it. */
    public record Result(int start, int end, List<String> candidates, String commonPrefix) {
    }

    public static final List<String> COMMANDS = List.of("run", "exec", "deploy", "hosts", "history", "show", "todo", "theme",
            "keymap", "help", "quit");

    private final DefaultParser parser = new DefaultParser();
    private final Sources sources;

    public PromptCompleter(Sources sources) {
        this.sources = sources;
    }

    public Result complete(String line, int cursor) {
        ParsedLine parsed = parser.parse(line, cursor, Parser.ParseContext.COMPLETE);
        List<String> words = parsed.words();
        int index = parsed.wordIndex();
        String word = parsed.word().substring(0, parsed.wordCursor());
        int start = cursor - parsed.wordCursor();
        List<Candidate> all = new ArrayList<>();
        for (String c : candidates(words, index)) all.add(new Candidate(c, c, null, null, null, null, !c.endsWith("=")));
        CompletionMatcherImpl matcher = new CompletionMatcherImpl();
        matcher.compile(Map.of(LineReader.Option.COMPLETE_MATCHER_TYPO, false), true,
                (CompletingParsedLine) parsed, false, 0, null);
        java.util.Set<String> hits = new java.util.HashSet<>();
        matcher.matches(all).forEach(c -> hits.add(c.value()));
        // keep our order (commands as listed, "all" before hosts before tags), not the matcher's grouping
        List<String> matched = all.stream().map(Candidate::value).filter(hits::contains).distinct().toList();
        String prefix = matcher.getCommonPrefix();
        if (prefix == null || !prefix.startsWith(word)) prefix = word;
        return new Result(start, start + parsed.word().length(), matched, prefix);
    }

    private List<String> candidates(List<String> words, int index) {
        if (index == 0) return COMMANDS;
        String cmd = words.get(0);
        List<String> out = new ArrayList<>();
        switch (cmd) {
            case "run" -> {
                if (index == 1) return sources.tasks().get();
                if (index == 2) return selections();
                for (String p : sources.taskParams().apply(words.get(1))) out.add(p + "=");
                return out;
            }
            case "exec" -> {
                if (index == 1) return selections();
                if (index == 2) return List.of("--");
                return List.of();
            }
            case "deploy" -> {
                if (index == 1) return selections();
                return index == 2 ? List.of("switch", "test", "boot", "dry-activate") : List.of();
            }
            case "history" -> {
                return index == 1 ? sources.hosts().get() : List.of();
            }
            case "todo" -> {
                return index == 1 ? TodoWatcher.verbs() : List.of();
            }
            case "show" -> {
                return index == 1 ? sources.runs().get() : List.of();
            }
            case "theme" -> {
                return index == 1 ? sources.themes().get() : List.of();
            }
            case "keymap" -> {
                return index == 1 ? sources.keymaps().get() : List.of();
            }
            case "help" -> {
                return index == 1 ? COMMANDS : List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<String> selections() {
        List<String> out = new ArrayList<>();
        out.add("all");
        out.addAll(sources.hosts().get());
        for (String t : sources.tags().get()) out.add("@" + t);
        return out;
    }

    /** The line split as the prompt's commands see it. */
    public List<String> words(String line) {
        return parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words();
    }
}

package dev.fleetdeck.todo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Ticks linked checklist items when the work behind them is done. It only ever ticks: a failing run, or a
 * metric that drops, changes nothing, and an item ticked by hand stays ticked.
 */
public final class TodoTicker {

    /** A finished task run: {@code passed} only when every host passed. */
    public record FinishedRun(String taskId, Set<String> hosts, boolean passed) {
        public FinishedRun {
            hosts = Set.copyOf(hosts);
        }
    }

    /** How many of {@code kind} (e.g. "deploys": successful deploy runs) history holds for {@code host}. */
    @FunctionalInterface
    public interface MetricCounts {
        long count(String kind, String host);
    }

    private final Path file;
    private final Function<String, Set<String>> groups;

    /**
     * @param groups resolves {@code all} and {@code @tag} to host names (an unknown one to an empty set)
     */
    public TodoTicker(Path file, Function<String, Set<String>> groups) {
        this.file = file;
        this.groups = groups;
    }

    /** Ticks what {@code run} completes; returns the items it ticked (none if the run failed). */
    public List<TodoItem> runFinished(FinishedRun run) throws IOException {
        if (!run.passed() || !Files.exists(file)) return List.of();
        TodoDocument doc = TodoDocument.parse(file);
        return tick(doc, due(doc, run, groups));
    }

    /** Ticks metric items whose count has been reached. */
    public List<TodoItem> metricsChanged(MetricCounts counts) throws IOException {
        if (!Files.exists(file)) return List.of();
        TodoDocument doc = TodoDocument.parse(file);
        return tick(doc, due(doc, counts));
    }

    /** Unchecked items of {@code doc} that {@code run} completes. */
    public static List<TodoItem> due(TodoDocument doc, FinishedRun run, Function<String, Set<String>> groups) {
        if (!run.passed()) return List.of();
        return doc.items().stream().filter(i -> !i.checked()).filter(i -> i.links().stream()
                .anyMatch(l -> l instanceof TodoLink.TaskLink t && t.taskId().equals(run.taskId())
                        && covers(t.selection(), run.hosts(), groups))).toList();
    }

    /** Unchecked metric items whose threshold {@code counts} reaches. */
    public static List<TodoItem> due(TodoDocument doc, MetricCounts counts) {
        return doc.items().stream().filter(i -> !i.checked()).filter(i -> i.links().stream()
                .anyMatch(l -> l instanceof TodoLink.MetricLink m
                        && counts.count(m.kind(), m.host()) >= m.atLeast())).toList();
    }

    /**
     * A run covers a selection when it ran on every host the selection names: host names, {@code all} or
     * {@code @tag}, separated by commas or blanks. A blank selection is covered by any run; one that names
     * no host (an unknown tag) by none.
     */
    static boolean covers(String selection, Set<String> ranOn, Function<String, Set<String>> groups) {
        if (selection.isBlank()) return true;
        Set<String> wanted = new HashSet<>();
        for (String term : selection.split("[,\\s]+")) {
            if (term.isEmpty()) continue;
            if (term.equals("all") || term.startsWith("@")) {
                Set<String> hosts = groups.apply(term);
                if (hosts != null) wanted.addAll(hosts);
            } else {
                wanted.add(term);
            }
        }
        return !wanted.isEmpty() && ranOn.containsAll(wanted);
    }

    private List<TodoItem> tick(TodoDocument doc, List<TodoItem> items) throws IOException {
        List<TodoItem> ticked = new ArrayList<>();
        TodoDocument current = doc;
        for (TodoItem item : items) {
            // Each write changes the file, so find the item in the newest document before the next one.
            TodoItem now = current == doc ? item : current.counterpartOf(item, doc);
            TodoFile.Toggled t = TodoFile.toggle(file, current, now, true);
            if (t.changed()) ticked.add(t.item());
            current = t.document();
        }
        return ticked;
    }
}

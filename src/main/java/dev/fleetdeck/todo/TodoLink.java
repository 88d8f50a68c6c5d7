package dev.fleetdeck.todo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a checklist item is tied to, written as an HTML comment on the item so the rendered Markdown does not
 * show it: {@code <!-- fleetdeck: backup-verify @servers -->} (a task, optionally on a selection) or
 * {@code <!-- fleetdeck: deploys cortex >= 5 -->} (a metric from run history). See docs/todo.md.
 */
public sealed interface TodoLink {

    /** Ticked when a run of {@code taskId} passes on every host {@code selection} names (blank: any run). */
    record TaskLink(String taskId, String selection) implements TodoLink {
    }

    /** Ticked once the history holds at least {@code atLeast} of {@code kind} for {@code host}. */
    record MetricLink(String kind, String host, long atLeast) implements TodoLink {
    }

    Pattern MARKER = Pattern.compile("<!--\\s*fleetdeck:(.*?)-->", Pattern.DOTALL);

    /** Metrics are told from tasks by the {@code >=}; {@code deploys} is the one kind today. */
    Pattern METRIC = Pattern.compile("([a-z][a-z0-9-]*)\\s+(\\S+)\\s*>=\\s*(\\d{1,18})");
    Pattern TASK = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)(?:\\s+(.+))?", Pattern.DOTALL);

    /** One marker's body (the text after {@code fleetdeck:}); malformed bodies are no link. */
    static Optional<TodoLink> parseBody(String body) {
        String b = body.strip();
        Matcher m = METRIC.matcher(b);
        if (m.matches()) return Optional.of(new MetricLink(m.group(1), m.group(2), Long.parseLong(m.group(3))));
        if (b.contains(">=")) return Optional.empty();
        m = TASK.matcher(b);
        if (!m.matches()) return Optional.empty();
        String sel = m.group(2) == null ? "" : m.group(2).strip().replaceAll("\\s+", " ");
        return Optional.of(new TaskLink(m.group(1), sel));
    }

    /** Every well-formed marker in {@code text}, in order. */
    static List<TodoLink> findAll(String text) {
        List<TodoLink> links = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) parseBody(m.group(1)).ifPresent(links::add);
        return links;
    }

    /** {@code text} without its fleetdeck markers. */
    static String strip(String text) {
        return MARKER.matcher(text).replaceAll("");
    }
}

package dev.fleetdeck.task;

import dev.fleetdeck.fleet.Host;
import java.util.List;
import java.util.Map;

/** What every host's checklist of one run shares. */
final class RunContext {

    private final String id;
    private final TaskDef task;
    private final Map<String, String> params;
    private final List<String> secretValues;
    private final RunListener listener;
    private final ManualConfirmer manual;
    private volatile boolean cancelled;

    RunContext(String id, TaskDef task, Map<String, String> params, RunListener listener, ManualConfirmer manual) {
        this.id = id;
        this.task = task;
        this.params = Map.copyOf(params);
        this.secretValues = task.params().values().stream().filter(ParamDef::secret)
                .map(p -> params.get(p.name())).filter(v -> v != null && !v.isEmpty())
                // Longest first, so masking never leaves part of a longer secret showing.
                .sorted((x, y) -> y.length() - x.length()).toList();
        this.listener = listener;
        this.manual = manual;
    }

    String id() {
        return id;
    }

    TaskDef task() {
        return task;
    }

    Map<String, String> params() {
        return params;
    }

    RunListener listener() {
        return listener;
    }

    ManualConfirmer manual() {
        return manual;
    }

    boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    Variables vars(Host host) {
        return Variables.of(task, host, params, id);
    }

    /** Parameters as they may be shown or stored: secrets as {@code ***}. */
    Map<String, String> shownParams() {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> {
            ParamDef def = task.params().get(k);
            shown.put(k, def != null && def.secret() ? "***" : v);
        });
        return shown;
    }

    /** Replaces every secret parameter value in {@code text} with {@code ***}. */
    String mask(String text) {
        if (text == null) return null;
        String out = text;
        for (String secret : secretValues) out = out.replace(secret, "***");
        return out;
    }
}

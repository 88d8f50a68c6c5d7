package dev.fleetdeck.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which key does what, per context. Built from a keymap file by {@link KeymapLoader}; every action is bound. */
public record Keymap(String name, Map<Action, List<Key>> bindings) {

    public Keymap {
        EnumMap<Action, List<Key>> copy = new EnumMap<>(Action.class);
        bindings.forEach((a, keys) -> copy.put(a, List.copyOf(keys)));
        bindings = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<Action> lookup(Action.Context context, Key key) {
        for (var e : bindings.entrySet()) {
            if (e.getKey().context() == context && e.getValue().contains(key)) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    public List<Key> keys(Action a) {
        return bindings.getOrDefault(a, List.of());
    }

    /** The first key of an action, for hints in the status bar; "?" marks an unbound action. */
    public String hint(Action a) {
        List<Key> k = keys(a);
        return k.isEmpty() ? "?" : k.get(0).name();
    }

    /** Lines of the help overlay: one per action, generated from the bindings so it can never be stale. */
    public List<String> helpLines() {
        List<String> out = new ArrayList<>();
        Action.Context last = null;
        for (Action a : Action.values()) {
            if (a.context() != last) {
                last = a.context();
                if (!out.isEmpty()) out.add("");
                out.add(switch (last) {
                    case MAIN -> "Main view";
                    case PROMPT -> "Prompt";
                    case TODO -> "TODO view";
                    case DIALOG -> "Dialogs";
                });
            }
            String keys = String.join(" ", keys(a).stream().map(Key::name).toList());
            out.add(String.format("  %-16s %-22s %s", keys, a.id(), a.help()));
        }
        return out;
    }

    /** Keys bound to two actions of one context; a valid keymap has none. */
    public List<String> conflicts() {
        Map<String, Action> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (var e : bindings.entrySet()) {
            for (Key k : e.getValue()) {
                Action prev = seen.putIfAbsent(e.getKey().context() + " " + k.name(), e.getKey());
                if (prev != null && prev != e.getKey()) {
                    out.add("key " + k.name() + " is bound to both " + prev.id() + " and " + e.getKey().id());
                }
            }
        }
        return out;
    }
}

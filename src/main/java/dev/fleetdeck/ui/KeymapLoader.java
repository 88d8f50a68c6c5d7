package dev.fleetdeck.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads keymap files:
 * <pre>{ "extends": "default", "bindings": { "quit": ["q"], "focus-prompt": ":" } }</pre>
 * A keymap without {@code extends} must bind every action; with it, it changes only what it names. Unknown
 * action names and unknown keys are errors at their line and column, listing what is valid.
 */
public final class KeymapLoader {

    public static final List<String> SHIPPED = List.of("default", "emacs", "vim");

    private final ConfigFiles files;

    /** @param userDir {@code $XDG_CONFIG_HOME/fleetdeck/keymaps}, or null for the shipped keymaps only */
    public KeymapLoader(Path userDir) {
        files = new ConfigFiles("keymaps", SHIPPED, userDir);
    }

    public List<String> names() {
        return files.names();
    }

    public Keymap load(String name) throws ConfigException {
        return load(name, new HashSet<>());
    }

    private Keymap load(String name, Set<String> seen) throws ConfigException {
        if (!seen.add(name)) throw new ConfigException("keymap \"" + name + "\" extends itself (through " + seen + ")");
        ConfigFiles.Source src = files.find(name);
        try {
            LocatedJson.Node root = LocatedJson.parse(src.location(), src.text());
            if (!(root instanceof LocatedJson.Obj obj)) throw problem(src, root, "expected a JSON object");
            Map<Action, List<Key>> bindings = new EnumMap<>(Action.class);
            LocatedJson.Node ext = obj.fields().get("extends");
            if (ext != null) {
                if (!(ext instanceof LocatedJson.Str s)) throw problem(src, ext, "\"extends\" must be a keymap name");
                bindings.putAll(load(s.value(), seen).bindings());
            }
            for (String k : obj.fields().keySet()) {
                if (!Set.of("name", "extends", "bindings", "description").contains(k)) {
                    int[] at = obj.keyAt().get(k);
                    throw new LocatedJson.Problem(src.location(), at[0], at[1],
                            "unknown field \"" + k + "\"; expected name, description, extends, bindings");
                }
            }
            LocatedJson.Node b = obj.fields().get("bindings");
            if (b == null) throw problem(src, obj, "missing \"bindings\"");
            if (!(b instanceof LocatedJson.Obj bo)) throw problem(src, b, "\"bindings\" must be an object");
            for (var e : bo.fields().entrySet()) {
                int[] at = bo.keyAt().get(e.getKey());
                Action a = Action.byId(e.getKey()).orElseThrow(() -> new LocatedJson.Problem(src.location(), at[0],
                        at[1], "unknown action \"" + e.getKey() + "\"; valid actions: " + Action.allIds()));
                bindings.put(a, keys(src, e.getValue()));
            }
            List<String> missing = new ArrayList<>();
            for (Action a : Action.values()) if (!bindings.containsKey(a)) missing.add(a.id());
            if (!missing.isEmpty()) {
                throw problem(src, bo, "no keys for " + String.join(", ", missing)
                        + " (bind them, or add \"extends\": \"default\")");
            }
            Keymap km = new Keymap(name, bindings);
            if (!km.conflicts().isEmpty()) throw problem(src, bo, String.join("; ", km.conflicts()));
            return km;
        } catch (LocatedJson.Problem p) {
            throw new ConfigException(p.getMessage());
        }
    }

    private static List<Key> keys(ConfigFiles.Source src, LocatedJson.Node n) throws LocatedJson.Problem {
        List<LocatedJson.Node> items = n instanceof LocatedJson.Arr a ? a.items() : List.of(n);
        List<Key> keys = new ArrayList<>();
        for (LocatedJson.Node item : items) {
            if (!(item instanceof LocatedJson.Str s)) {
                throw problem(src, item, "expected a key name, found " + LocatedJson.kind(item));
            }
            try {
                keys.add(Key.parse(s.value()));
            } catch (IllegalArgumentException e) {
                throw problem(src, item, e.getMessage());
            }
        }
        return keys;
    }

    static LocatedJson.Problem problem(ConfigFiles.Source src, LocatedJson.Node at, String msg) {
        return new LocatedJson.Problem(src.location(), at.line(), at.column(), msg);
    }
}

package dev.fleetdeck.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.json.ValueKind;
import dev.fleetdeck.json.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads keymap files:
 * <pre>{ "extends": "default", "bindings": { "quit": ["q"], "focus-prompt": ":" } }</pre>
 * A keymap without {@code extends} must bind every action; with it, it changes only what it names. Unknown
 * action names and unknown keys are errors at their line and column, listing what is valid.
 */
public final class KeymapLoader {

    public static final List<String> SHIPPED = List.of("default", "emacs", "vim");
    private static final JsonPath BINDINGS = JsonPath.of("bindings");
    private static final List<String> ACTIONS = Arrays.stream(Action.values()).map(Action::id).toList();

    /** A keymap file as written. */
    record KeymapJson(String name, String description, @JsonProperty("extends") String parent,
            Map<String, JsonNode> bindings) implements ConfigFiles.Layer {
    }

    private final ConfigFiles<KeymapJson, Keymap> files;

    /** @param userDir {@code $XDG_CONFIG_HOME/fleetdeck/keymaps}, or null for the shipped keymaps only */
    public KeymapLoader(Path userDir) {
        files = new ConfigFiles<>("keymaps", SHIPPED, userDir, KeymapJson.class, new Vocabulary(BINDINGS, "action"),
                KeymapLoader::read);
    }

    public List<String> names() {
        return files.names();
    }

    public Keymap load(String name) throws ConfigException {
        return files.load(name);
    }

    private static Keymap read(String name, KeymapJson file, Keymap parent, JsonDocument doc) throws ConfigException {
        if (file.bindings() == null) throw ConfigFiles.at(doc, JsonPath.ROOT, "missing \"bindings\"");
        Map<Action, List<Key>> bindings = new EnumMap<>(Action.class);
        if (parent != null) bindings.putAll(parent.bindings());
        for (var e : file.bindings().entrySet()) {
            JsonPath at = BINDINGS.field(e.getKey());
            Action a = Action.byId(e.getKey()).orElseThrow(() -> ConfigFiles.unknown(doc, at, "action", ACTIONS));
            bindings.put(a, keys(doc, at, e.getValue()));
        }
        ConfigFiles.requireAll(doc, BINDINGS, ACTIONS,
                bindings.keySet().stream().map(Action::id).collect(Collectors.toSet()),
                "no keys for", "bind them, or add \"extends\": \"default\"");
        Keymap km = new Keymap(name, bindings);
        if (!km.conflicts().isEmpty()) throw ConfigFiles.at(doc, BINDINGS, String.join("; ", km.conflicts()));
        return km;
    }

    /** One key name, or a list of them. */
    private static List<Key> keys(JsonDocument doc, JsonPath at, JsonNode written) throws ConfigException {
        JsonNode value = written == null ? NullNode.instance : written;
        List<Key> keys = new ArrayList<>();
        if (!value.isArray()) keys.add(key(doc, at, value));
        for (int i = 0; i < value.size() && value.isArray(); i++) keys.add(key(doc, at.index(i), value.get(i)));
        return keys;
    }

    private static Key key(JsonDocument doc, JsonPath at, JsonNode value) throws ConfigException {
        if (!value.isTextual()) {
            throw ConfigFiles.at(doc, at, "expected a key name, found " + ValueKind.of(value.asToken()));
        }
        try {
            return Key.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw ConfigFiles.at(doc, at, e.getMessage());
        }
    }
}

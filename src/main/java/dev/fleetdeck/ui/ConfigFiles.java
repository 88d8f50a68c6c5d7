package dev.fleetdeck.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.json.StrictJson;
import dev.fleetdeck.json.Suggestions;
import dev.fleetdeck.json.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads keymap or theme files by name: finds the user's {@code $XDG_CONFIG_HOME/fleetdeck/<kind>/NAME.json} first
 * (so a user may override a shipped one), then the file shipped in the jar; binds it strictly through
 * {@code dev.fleetdeck.json} (so every problem is {@code file:line:column: …}); loads what it {@code extends}
 * first, refusing cycles; and hands both to the kind's own reader.
 *
 * @param <J>     the record a file binds to
 * @param <T>     what the kind's reader makes of it
 * @param kind    {@code keymaps} or {@code themes}
 * @param shipped names of the files under {@code /dev/fleetdeck/ui/<kind>/}
 * @param userDir the user's directory for this kind, or null
 * @param words   how the json package's messages name the file's entries
 * @param reader  the kind's own checks
 */
record ConfigFiles<J extends ConfigFiles.Layer, T>(String kind, List<String> shipped, Path userDir, Class<J> type,
        Vocabulary words, Reader<J, T> reader) {

    /** A bound file that may name another of its kind to start from. */
    interface Layer {
        /** The {@code extends} name, or null. */
        String parent();
    }

    /** Checks one bound file and builds on its parent's result (null when it extends nothing). */
    interface Reader<J, T> {
        T read(String name, J file, T parent, JsonDocument doc) throws ConfigException;
    }

    private static final ObjectMapper MAPPER = StrictJson.builder().build();
    private static final String NAME = "[A-Za-z0-9._-]+";

    T load(String name) throws ConfigException {
        return load(name, new LinkedHashSet<>());
    }

    private T load(String name, Set<String> seen) throws ConfigException {
        if (!seen.add(name)) throw new ConfigException(noun() + " \"" + name + "\" extends itself (through " + seen + ")");
        JsonDocument doc = find(name);
        J file = doc.bind(type);
        T parent = file.parent() == null ? null : load(file.parent(), seen);
        return reader.read(name, file, parent, doc);
    }

    private JsonDocument find(String name) throws ConfigException {
        if (!name.matches(NAME)) {
            throw new ConfigException("bad " + kind + " name \"" + name + "\"; use letters, digits, '.', '_' or '-'");
        }
        if (userDir != null) {
            Path f = userDir.resolve(name + ".json");
            if (Files.isRegularFile(f)) return JsonDocument.read(f, f.toString(), MAPPER, words);
        }
        if (shipped.contains(name)) {
            String res = "/dev/fleetdeck/ui/" + kind + "/" + name + ".json";
            try (InputStream in = ConfigFiles.class.getResourceAsStream(res)) {
                if (in == null) throw new ConfigException("shipped " + kind + " file " + res + " is missing");
                return JsonDocument.of("(built-in)/" + kind + "/" + name + ".json",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), MAPPER, words);
            } catch (IOException e) {
                throw new ConfigException(res + ": " + e.getMessage());
            }
        }
        throw new ConfigException("no " + noun() + " named \"" + name + "\"; known: " + String.join(", ", names()));
    }

    private String noun() {
        return kind.replaceAll("s$", "");
    }

    /** Every name that {@link #load} accepts, sorted. */
    List<String> names() {
        TreeSet<String> all = new TreeSet<>(shipped);
        if (userDir != null && Files.isDirectory(userDir)) {
            try (Stream<Path> s = Files.list(userDir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                        .map(n -> n.substring(0, n.length() - 5)).filter(n -> n.matches(NAME))
                        .forEach(all::add);
            } catch (IOException e) {
                // an unreadable directory just offers the shipped names
            }
        }
        return List.copyOf(all);
    }

    /** {@code file:line:column: what}, at the value of {@code path}. */
    static ConfigException at(JsonDocument doc, JsonPath path, String what) {
        return doc.at(doc.valuePosition(path), "", what);
    }

    /** {@code unknown action "qiut"; did you mean "quit"? (valid actions: …)}, at the key that ends {@code path}. */
    static ConfigException unknown(JsonDocument doc, JsonPath path, String noun, List<String> valid) {
        String name = String.valueOf(path.get(path.size() - 1));
        String guess = Suggestions.closest(name, valid).map(g -> "; did you mean \"" + g + "\"?").orElse("");
        return doc.at(doc.keyPosition(path), "", "unknown " + noun + " \"" + name + "\"" + guess
                + " (valid " + noun + "s: " + String.join(", ", valid) + ")");
    }

    /** {@code what a, b (hint)} at {@code path} when some of {@code ids} are absent from {@code present}. */
    static void requireAll(JsonDocument doc, JsonPath path, List<String> ids, Set<String> present, String what,
            String hint) throws ConfigException {
        List<String> missing = ids.stream().filter(id -> !present.contains(id)).toList();
        if (!missing.isEmpty()) throw at(doc, path, what + " " + String.join(", ", missing) + " (" + hint + ")");
    }
}

package dev.fleetdeck.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds keymap or theme files by name: the user's {@code $XDG_CONFIG_HOME/fleetdeck/<kind>/NAME.json} first (so a
 * user may override a shipped one), then the file shipped in the jar.
 *
 * @param kind    {@code keymaps} or {@code themes}
 * @param shipped names of the files under {@code /dev/fleetdeck/ui/<kind>/}
 * @param userDir the user's directory for this kind, or null
 */
record ConfigFiles(String kind, List<String> shipped, Path userDir) {

    /** Text of a config file and the name to use in error messages. */
    record Source(String name, String location, String text) {
    }

    Source find(String name) throws ConfigException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigException("bad " + kind + " name \"" + name + "\"; use letters, digits, '.', '_' or '-'");
        }
        if (userDir != null) {
            Path f = userDir.resolve(name + ".json");
            if (Files.isRegularFile(f)) {
                try {
                    return new Source(name, f.toString(), Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new ConfigException(f + ": cannot read: " + e.getMessage());
                }
            }
        }
        if (shipped.contains(name)) {
            String res = "/dev/fleetdeck/ui/" + kind + "/" + name + ".json";
            try (InputStream in = ConfigFiles.class.getResourceAsStream(res)) {
                if (in == null) throw new ConfigException("shipped " + kind + " file " + res + " is missing");
                return new Source(name, "(built-in)/" + kind + "/" + name + ".json",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException(res + ": " + e.getMessage());
            }
        }
        throw new ConfigException("no " + kind.replaceAll("s$", "") + " named \"" + name + "\"; known: "
                + String.join(", ", names()));
    }

    /** Every name that {@link #find} accepts, sorted. */
    List<String> names() {
        TreeSet<String> all = new TreeSet<>(shipped);
        if (userDir != null && Files.isDirectory(userDir)) {
            try (Stream<Path> s = Files.list(userDir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                        .map(n -> n.substring(0, n.length() - 5)).filter(n -> n.matches("[A-Za-z0-9._-]+"))
                        .forEach(all::add);
            } catch (IOException e) {
                // an unreadable directory just offers the shipped names
            }
        }
        return List.copyOf(all);
    }
}

package dev.fleetdeck.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads theme files:
 * <pre>{ "extends": "dark", "styles": { "title": { "fg": "#d0d0ff", "bg": "default", "bold": true } } }</pre>
 * Colours: {@code default}, {@code #rrggbb}, a palette index 0..255, or an ANSI name ({@code red},
 * {@code bright-blue}). A theme without {@code extends} must style every element.
 */
public final class ThemeLoader {

    public static final List<String> SHIPPED = List.of("dark", "high-contrast", "light", "mono");
    private static final List<String> NAMES = List.of("black", "red", "green", "yellow", "blue", "magenta", "cyan",
            "white");

    private final ConfigFiles files;

    public ThemeLoader(Path userDir) {
        files = new ConfigFiles("themes", SHIPPED, userDir);
    }

    public List<String> names() {
        return files.names();
    }

    public Theme load(String name) throws ConfigException {
        return load(name, new HashSet<>());
    }

    private Theme load(String name, Set<String> seen) throws ConfigException {
        if (!seen.add(name)) throw new ConfigException("theme \"" + name + "\" extends itself (through " + seen + ")");
        ConfigFiles.Source src = files.find(name);
        try {
            LocatedJson.Node root = LocatedJson.parse(src.location(), src.text());
            if (!(root instanceof LocatedJson.Obj obj)) throw KeymapLoader.problem(src, root, "expected a JSON object");
            Map<Element, Style> styles = new EnumMap<>(Element.class);
            LocatedJson.Node ext = obj.fields().get("extends");
            if (ext != null) {
                if (!(ext instanceof LocatedJson.Str s)) throw KeymapLoader.problem(src, ext, "\"extends\" must be a theme name");
                styles.putAll(load(s.value(), seen).styles());
            }
            LocatedJson.Node st = obj.fields().get("styles");
            if (!(st instanceof LocatedJson.Obj so)) {
                throw KeymapLoader.problem(src, st == null ? obj : st, "\"styles\" must be an object");
            }
            for (var e : so.fields().entrySet()) {
                int[] at = so.keyAt().get(e.getKey());
                Element el = Element.byId(e.getKey()).orElseThrow(() -> new LocatedJson.Problem(src.location(), at[0],
                        at[1], "unknown element \"" + e.getKey() + "\"; valid elements: " + Element.allIds()));
                styles.put(el, style(src, e.getValue()));
            }
            List<String> missing = new ArrayList<>();
            for (Element el : Element.values()) if (!styles.containsKey(el)) missing.add(el.id());
            if (!missing.isEmpty()) {
                throw KeymapLoader.problem(src, so, "no style for " + String.join(", ", missing)
                        + " (style them, or add \"extends\": \"dark\")");
            }
            return new Theme(name, styles);
        } catch (LocatedJson.Problem p) {
            throw new ConfigException(p.getMessage());
        }
    }

    private static Style style(ConfigFiles.Source src, LocatedJson.Node n) throws LocatedJson.Problem {
        if (!(n instanceof LocatedJson.Obj o)) throw KeymapLoader.problem(src, n, "expected a style object");
        Style s = Style.PLAIN;
        for (var e : o.fields().entrySet()) {
            LocatedJson.Node v = e.getValue();
            switch (e.getKey()) {
                case "fg" -> s = s.withFg(tint(src, v));
                case "bg" -> s = s.withBg(tint(src, v));
                case "bold" -> s = s.withBold(flag(src, v));
                case "underline" -> s = s.withUnderline(flag(src, v));
                case "reverse" -> s = s.withReverse(flag(src, v));
                case "italic" -> s = s.withItalic(flag(src, v));
                default -> {
                    int[] at = o.keyAt().get(e.getKey());
                    throw new LocatedJson.Problem(src.location(), at[0], at[1], "unknown style field \""
                            + e.getKey() + "\"; expected fg, bg, bold, underline, reverse, italic");
                }
            }
        }
        return s;
    }

    private static boolean flag(ConfigFiles.Source src, LocatedJson.Node v) throws LocatedJson.Problem {
        if (v instanceof LocatedJson.Bool b) return b.value();
        throw KeymapLoader.problem(src, v, "expected true or false, found " + LocatedJson.kind(v));
    }

    static Tint tint(ConfigFiles.Source src, LocatedJson.Node v) throws LocatedJson.Problem {
        if (v instanceof LocatedJson.Num num) {
            try {
                return new Tint.Indexed(Integer.parseInt(num.text()));
            } catch (IllegalArgumentException e) {
                throw KeymapLoader.problem(src, v, "palette index must be 0..255");
            }
        }
        if (!(v instanceof LocatedJson.Str str)) {
            throw KeymapLoader.problem(src, v, "expected a colour, found " + LocatedJson.kind(v));
        }
        String s = str.value().toLowerCase(Locale.ROOT);
        if (s.equals("default")) return Tint.DEFAULT;
        if (s.matches("#[0-9a-f]{6}")) {
            int rgb = Integer.parseInt(s.substring(1), 16);
            return new Tint.Rgb(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff);
        }
        boolean bright = s.startsWith("bright-");
        int i = NAMES.indexOf(bright ? s.substring(7) : s);
        if (i >= 0) return new Tint.Indexed(i + (bright ? 8 : 0));
        throw KeymapLoader.problem(src, v, "unknown colour \"" + str.value()
                + "\"; use default, #rrggbb, 0..255, or " + String.join(", ", NAMES) + " (optionally bright-)");
    }
}

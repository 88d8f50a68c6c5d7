package dev.fleetdeck.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.json.ValueKind;
import dev.fleetdeck.json.Vocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
    private static final JsonPath STYLES = JsonPath.of("styles");
    private static final List<String> ELEMENTS = Arrays.stream(Element.values()).map(Element::id).toList();

    /** A theme file as written. */
    record ThemeJson(String name, String description, @JsonProperty("extends") String parent,
            Map<String, StyleJson> styles) implements ConfigFiles.Layer {
    }

    /** One element's style; colours stay raw, for their own located messages. */
    record StyleJson(JsonNode fg, JsonNode bg, Boolean bold, Boolean underline, Boolean reverse, Boolean italic) {
    }

    private final ConfigFiles<ThemeJson, Theme> files;

    public ThemeLoader(Path userDir) {
        files = new ConfigFiles<>("themes", SHIPPED, userDir, ThemeJson.class, new Vocabulary(STYLES, "element"),
                ThemeLoader::read);
    }

    public List<String> names() {
        return files.names();
    }

    public Theme load(String name) throws ConfigException {
        return files.load(name);
    }

    private static Theme read(String name, ThemeJson file, Theme parent, JsonDocument doc) throws ConfigException {
        if (file.styles() == null) throw ConfigFiles.at(doc, JsonPath.ROOT, "missing \"styles\"");
        Map<Element, Style> styles = new EnumMap<>(Element.class);
        if (parent != null) styles.putAll(parent.styles());
        for (var e : file.styles().entrySet()) {
            JsonPath at = STYLES.field(e.getKey());
            Element el = Element.byId(e.getKey()).orElseThrow(() -> ConfigFiles.unknown(doc, at, "element", ELEMENTS));
            if (e.getValue() == null) throw ConfigFiles.at(doc, at, "expected a style object, found null");
            styles.put(el, style(doc, at, e.getValue()));
        }
        ConfigFiles.requireAll(doc, STYLES, ELEMENTS,
                styles.keySet().stream().map(Element::id).collect(Collectors.toSet()),
                "no style for", "style them, or add \"extends\": \"dark\"");
        return new Theme(name, styles);
    }

    private static Style style(JsonDocument doc, JsonPath at, StyleJson json) throws ConfigException {
        Style s = Style.PLAIN;
        if (json.fg() != null) s = s.withFg(tint(doc, at.field("fg"), json.fg()));
        if (json.bg() != null) s = s.withBg(tint(doc, at.field("bg"), json.bg()));
        if (json.bold() != null) s = s.withBold(json.bold());
        if (json.underline() != null) s = s.withUnderline(json.underline());
        if (json.reverse() != null) s = s.withReverse(json.reverse());
        if (json.italic() != null) s = s.withItalic(json.italic());
        return s;
    }

    private static Tint tint(JsonDocument doc, JsonPath at, JsonNode v) throws ConfigException {
        if (v.isNumber()) {
            boolean index = v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0 && v.intValue() <= 255;
            if (!index) throw ConfigFiles.at(doc, at, "palette index must be 0..255");
            return new Tint.Indexed(v.intValue());
        }
        if (!v.isTextual()) throw ConfigFiles.at(doc, at, "expected a colour, found " + ValueKind.of(v.asToken()));
        String s = v.asText().toLowerCase(Locale.ROOT);
        if (s.equals("default")) return Tint.DEFAULT;
        if (s.matches("#[0-9a-f]{6}")) {
            int rgb = Integer.parseInt(s.substring(1), 16);
            return new Tint.Rgb(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff);
        }
        boolean bright = s.startsWith("bright-");
        int i = NAMES.indexOf(bright ? s.substring(7) : s);
        if (i >= 0) return new Tint.Indexed(i + (bright ? 8 : 0));
        throw ConfigFiles.at(doc, at, "unknown colour \"" + v.asText()
                + "\"; use default, #rrggbb, 0..255, or " + String.join(", ", NAMES) + " (optionally bright-)");
    }
}

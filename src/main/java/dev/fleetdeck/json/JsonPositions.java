package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a {@link JsonPath} sits in a document's text. Bound records carry no positions, so problems
 * found after binding (and unknown or duplicate keys) are put on the map by scanning the text again.
 */
public final class JsonPositions {

    /** 1-based line and column. */
    public record Position(int line, int column) {
        public static final Position START = new Position(1, 1);

        public static Position of(JsonLocation location) {
            return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
        }
    }

    /**
     * One place the path occurs.
     *
     * @param key   where its field name starts, or {@code null} for a list item or the whole document
     * @param value where its value starts
     * @param token the kind of that value
     */
    public record Occurrence(Position key, Position value, JsonToken token) {
    }

    // No duplicate detection here: a duplicated key is exactly what we may be looking for.
    private static final JsonFactory PLAIN = new JsonFactory();

    private JsonPositions() {
    }

    /** Every occurrence of {@code path} in document order; more than one only when a key is duplicated. */
    public static List<Occurrence> find(String text, JsonPath path) {
        List<Occurrence> found = new ArrayList<>();
        Position key = null;
        try (JsonParser p = PLAIN.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructEnd() || !JsonPath.of(p.getParsingContext()).equals(path)) continue;
                Position here = Position.of(p.currentTokenLocation());
                if (t == JsonToken.FIELD_NAME) {
                    key = here;
                } else {
                    found.add(new Occurrence(key, here, t));
                    key = null;
                }
            }
        } catch (IOException e) {
            // The text is broken further on; what was found before the break still stands.
        }
        if (key != null) found.add(new Occurrence(key, key, null));
        return found;
    }
}

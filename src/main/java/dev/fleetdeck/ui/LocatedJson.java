package dev.fleetdeck.ui;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value was written, for {@code file:line:column:} errors. Kept in this one
 * class on purpose: the project's shared located-JSON infrastructure (moving to {@code dev.fleetdeck.json}) can
 * replace it without touching the loaders' logic.
 */
final class LocatedJson {

    /** A value and where it starts. */
    sealed interface Node {
        int line();

        int column();
    }

    record Obj(int line, int column, Map<String, Node> fields, Map<String, int[]> keyAt) implements Node {
    }

    record Arr(int line, int column, List<Node> items) implements Node {
    }

    record Str(int line, int column, String value) implements Node {
    }

    record Num(int line, int column, String text) implements Node {
    }

    record Bool(int line, int column, boolean value) implements Node {
    }

    record Null(int line, int column) implements Node {
    }

    /** A problem in a config file, already worded as {@code source:line:column: message}. */
    static final class Problem extends Exception {
        Problem(String source, int line, int column, String message) {
            super(source + ":" + line + ":" + column + ": " + message);
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private LocatedJson() {
    }

    static Node parse(String source, String text) throws Problem {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new Problem(source, 1, 1, "the file is empty; expected a JSON object");
            Node n = read(p, source);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new Problem(source, l.getLineNr(), l.getColumnNr(), "unexpected text after the JSON value");
            }
            return n;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage().split("\n")[0];
            throw new Problem(source, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(), msg);
        } catch (IOException e) {
            throw new Problem(source, 1, 1, e.getMessage());
        }
    }

    private static Node read(JsonParser p, String source) throws IOException, Problem {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr(), col = l.getColumnNr();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, int[]> keyAt = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    if (fields.containsKey(name)) {
                        throw new Problem(source, kl.getLineNr(), kl.getColumnNr(), "duplicate key \"" + name + "\"");
                    }
                    p.nextToken();
                    fields.put(name, read(p, source));
                    keyAt.put(name, new int[]{kl.getLineNr(), kl.getColumnNr()});
                }
                return new Obj(line, col, fields, keyAt);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p, source));
                return new Arr(line, col, items);
            }
            case VALUE_STRING -> {
                return new Str(line, col, p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Num(line, col, p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Bool(line, col, p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new Null(line, col);
            }
            default -> throw new Problem(source, line, col, "unexpected " + p.currentToken());
        }
    }

    static String kind(Node n) {
        if (n instanceof Obj) return "an object";
        if (n instanceof Arr) return "an array";
        if (n instanceof Str) return "a string";
        if (n instanceof Num) return "a number";
        if (n instanceof Bool) return "a boolean";
        return "null";
    }
}

package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.fleetdeck.json.JsonPositions.Occurrence;
import dev.fleetdeck.json.JsonPositions.Position;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Turns one Jackson failure into a located, one-line {@link ConfigException} in the user's words. */
final class JsonErrorTranslator {

    private final JsonDocument doc;
    private final Vocabulary words;

    JsonErrorTranslator(JsonDocument doc) {
        this.doc = doc;
        this.words = doc.vocabulary();
    }

    /** @param p the parser that failed, still standing where it failed */
    ConfigException translate(JsonProcessingException e, JsonParser p) {
        StreamReadException readFailure = readFailure(e);
        if (readFailure instanceof InputCoercionException) return outOfRange(p);
        if (readFailure != null) return duplicateOrSyntax(readFailure, p);
        if (e instanceof UnrecognizedPropertyException u) return unknownField(u);
        if (e instanceof FieldProblem f) return fieldProblem(f);
        if (e instanceof MismatchedInputException m) return wrongKind(m, p);
        if (e instanceof InvalidDefinitionException) {
            throw new IllegalStateException("fleetdeck's JSON records cannot be bound", e);
        }
        JsonPath path = e instanceof JsonMappingException jme ? JsonPath.of(jme.getPath()) : JsonPath.of(p.getParsingContext());
        return doc.at(position(e, p), words.owner(path), words.label(path) + " has an invalid value");
    }

    /** Low-level read failures (syntax, duplicates) arrive either bare or wrapped by databind. */
    private static StreamReadException readFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s) return s;
        }
        return null;
    }

    private ConfigException duplicateOrSyntax(StreamReadException e, JsonParser p) {
        // The parser records a key's name before checking it for duplicates, so its context names the culprit.
        JsonPath path = JsonPath.of(p.getParsingContext());
        if (path.size() > 0 && path.get(path.size() - 1) instanceof String name) {
            List<Occurrence> found = doc.occurrences(path);
            if (found.size() >= 2 && found.get(1).key() != null) {
                Position second = found.get(1).key();
                if (words.isEntry(path)) return doc.at(second, "", "duplicate " + words.noun() + " \"" + name + "\"");
                return doc.at(second, words.owner(path), "duplicate field \"" + name + "\"");
            }
        }
        boolean inString = p.currentToken() == JsonToken.VALUE_STRING;
        String what = SyntaxMessages.describe(e.getOriginalMessage(), p.getParsingContext().inArray());
        // An unterminated string is reported at end of line or file; where it starts is more useful.
        Position at = inString && what.startsWith("unterminated string")
                ? Position.of(p.currentTokenLocation()) : position(e, p);
        return doc.at(at, "", what);
    }

    private ConfigException outOfRange(JsonParser p) {
        JsonPath path = JsonPath.of(p.getParsingContext());
        String number = textOf(p);
        return doc.at(Position.of(p.currentTokenLocation()), words.owner(path),
                words.label(path) + " " + number + " is out of range");
    }

    private ConfigException unknownField(UnrecognizedPropertyException e) {
        JsonPath path = JsonPath.of(e.getPath());
        String name = e.getPropertyName();
        List<String> valid = sortedNames(e.getKnownPropertyIds());
        Optional<String> guess = Suggestions.closest(name, valid);
        String what = "unknown field \"" + name + "\""
                + guess.map(g -> "; did you mean \"" + g + "\"?").orElse("")
                + " (valid: " + String.join(", ", valid) + ")";
        return doc.at(doc.keyPosition(path), words.owner(path), what);
    }

    private ConfigException fieldProblem(FieldProblem e) {
        JsonPath path = JsonPath.of(e.getPath());
        String label = words.label(path) + (e.item() >= 0 ? "[" + e.item() + "]" : "");
        return doc.at(Position.of(e.getLocation()), words.owner(path), label + " " + e.getOriginalMessage());
    }

    private ConfigException wrongKind(MismatchedInputException e, JsonParser p) {
        JsonPath path = JsonPath.of(e.getPath());
        List<Occurrence> found = doc.occurrences(path);
        JsonToken token = found.isEmpty() ? p.currentToken() : found.get(0).token();
        Position at = found.isEmpty() ? position(e, p) : found.get(0).value();
        String what = words.label(path) + " is " + ValueKind.of(token) + "; expected " + ValueKind.expected(e.getTargetType());
        return doc.at(at, words.owner(path), what);
    }

    private static Position position(JsonProcessingException e, JsonParser p) {
        return Position.of(e.getLocation() != null ? e.getLocation() : p.currentTokenLocation());
    }

    private static String textOf(JsonParser p) {
        try {
            return p.getText();
        } catch (IOException e) {
            return "the number";
        }
    }

    private static List<String> sortedNames(Collection<Object> ids) {
        return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().toList();
    }
}

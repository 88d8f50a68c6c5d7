package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.json.JsonPositions.Occurrence;
import dev.fleetdeck.json.JsonPositions.Position;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of one JSON input (a file, or a command's output) that binds itself to records and can point at
 * its own parts: every problem, from a stray comma to a bad port, becomes a located {@link ConfigException}.
 */
public final class JsonDocument {

    private final String source;
    private final String text;
    private final ObjectMapper mapper;
    private final Vocabulary vocabulary;

    private JsonDocument(String source, String text, ObjectMapper mapper, Vocabulary vocabulary) {
        this.source = source;
        this.text = text;
        this.mapper = mapper;
        this.vocabulary = vocabulary;
    }

    /**
     * @param source how messages name the file, e.g. relative to where the user is
     * @param mapper a {@link StrictJson} mapper with the file's own value types
     */
    public static JsonDocument read(Path file, String source, ObjectMapper mapper, Vocabulary vocabulary)
            throws ConfigException {
        if (!Files.exists(file)) throw new ConfigException(source, 1, 1, "file does not exist");
        if (Files.isDirectory(file)) throw new ConfigException(source, 1, 1, "is a directory, not a file");
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return of(source, text, mapper, vocabulary);
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, 1, 1, "cannot read file: permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, 1, 1, "cannot read file: it is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(source, 1, 1, "cannot read file");
        }
    }

    public static JsonDocument of(String source, String text, ObjectMapper mapper, Vocabulary vocabulary)
            throws ConfigException {
        // A byte-order mark is invisible in editors; dropping it keeps our columns equal to theirs.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) throw new ConfigException(source, 1, 1, "file is empty; expected a JSON object");
        return new JsonDocument(source, body, mapper, vocabulary);
    }

    public String source() {
        return source;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Binds the whole document to {@code type}; the result is never {@code null}. */
    public <T> T bind(JavaType type) throws ConfigException {
        try (JsonParser p = mapper.createParser(text)) {
            try {
                T value = mapper.readValue(p, type);
                if (value == null) throw problem(JsonPath.ROOT, "is null; expected an object");
                if (p.nextToken() != null) {
                    throw at(Position.of(p.currentTokenLocation()), "", "unexpected text after the end of the JSON document");
                }
                return value;
            } catch (JsonProcessingException e) {
                throw new JsonErrorTranslator(this).translate(e, p);
            }
        } catch (IOException e) {
            // Only closing the parser is left here, and parsing a String has nothing to close.
            throw new UncheckedIOException(e);
        }
    }

    public <T> T bind(Class<T> type) throws ConfigException {
        return bind(mapper.constructType(type));
    }

    /** {@code owner: label predicate} at the value of {@code path}, e.g. {@code host "a": port 0 is outside 1..65535}. */
    public ConfigException problem(JsonPath path, String predicate) {
        return at(valuePosition(path), vocabulary.owner(path), vocabulary.label(path) + " " + predicate);
    }

    /** Like {@link #problem} but pointing at the field name, for problems with the name itself. */
    public ConfigException problemAtKey(JsonPath path, String predicate) {
        return at(keyPosition(path), vocabulary.owner(path), vocabulary.label(path) + " " + predicate);
    }

    public ConfigException at(Position position, String owner, String what) {
        String problem = owner.isEmpty() ? what : owner + ": " + what;
        return new ConfigException(source, position.line(), position.column(), problem);
    }

    public List<Occurrence> occurrences(JsonPath path) {
        return JsonPositions.find(text, path);
    }

    public Position valuePosition(JsonPath path) {
        List<Occurrence> found = occurrences(path);
        return found.isEmpty() ? Position.START : found.get(0).value();
    }

    public Position keyPosition(JsonPath path) {
        List<Occurrence> found = occurrences(path);
        if (found.isEmpty()) return Position.START;
        Occurrence first = found.get(0);
        return first.key() != null ? first.key() : first.value();
    }
}

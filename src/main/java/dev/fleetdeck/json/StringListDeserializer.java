package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A list of strings and nothing else: {@code "tags": "gpu"} is an error that says a list is expected. */
public final class StringListDeserializer extends StdDeserializer<List<String>> {

    public StringListDeserializer() {
        super(List.class);
    }

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw FieldProblem.wrongKind(p, "a list of strings");
        List<String> values = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw new FieldProblem(p, values.size(), "is " + ValueKind.of(t) + "; expected a string");
            }
            values.add(p.getText());
        }
        return List.copyOf(values);
    }
}

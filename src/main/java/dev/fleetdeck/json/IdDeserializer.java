package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reads an enum by its user-facing id ({@code "deploy-rs"}); a wrong id gets the list of valid ones. */
public final class IdDeserializer<E extends Enum<E>> extends StdDeserializer<E> {

    private final Map<String, E> byId = new LinkedHashMap<>();

    public IdDeserializer(Class<E> type, E[] values, Function<E, String> id) {
        super(type);
        Arrays.stream(values).forEach(v -> byId.put(id.apply(v), v));
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String valid = String.join(", ", byId.keySet());
        if (p.currentToken() != JsonToken.VALUE_STRING) throw FieldProblem.wrongKind(p, "one of " + valid);
        E value = byId.get(p.getText());
        if (value == null) throw new FieldProblem(p, "\"" + p.getText() + "\" is not one of " + valid);
        return value;
    }
}

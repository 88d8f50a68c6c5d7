package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Reads {@code "90s"}, {@code "1h30m"} or a plain number of seconds; see {@link DurationText}. */
public final class DurationDeserializer extends StdDeserializer<Duration> {

    public DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        String text;
        if (t == JsonToken.VALUE_STRING) text = p.getText();
        else if (t == JsonToken.VALUE_NUMBER_INT) text = p.getBigIntegerValue().toString();
        else throw FieldProblem.wrongKind(p, "a duration (" + DurationText.FORMS + ")");
        Optional<Duration> parsed = DurationText.parse(text);
        if (parsed.isEmpty()) {
            String shown = t == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text;
            throw new FieldProblem(p, shown + " is not a duration (" + DurationText.FORMS + ")");
        }
        if (parsed.get().isZero()) throw new FieldProblem(p, "must be longer than 0s");
        return parsed.get();
    }
}

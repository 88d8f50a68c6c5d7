package dev.fleetdeck.fleet;

import dev.fleetdeck.json.FieldProblem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.math.BigInteger;

/** Reads a port and rejects it right at the value, so the error points at the number the user typed. */
final class PortDeserializer extends StdDeserializer<Port> {

    private static final BigInteger MAX = BigInteger.valueOf(65535);

    PortDeserializer() {
        super(Port.class);
    }

    @Override
    public Port deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw FieldProblem.wrongKind(p, "a whole number between 1 and 65535");
        }
        // BigInteger, so 99999999999 gets the same clear message instead of an overflow.
        BigInteger value = p.getBigIntegerValue();
        if (value.signum() <= 0 || value.compareTo(MAX) > 0) {
            throw new FieldProblem(p, value + " is outside 1..65535");
        }
        return new Port(value.intValue());
    }
}

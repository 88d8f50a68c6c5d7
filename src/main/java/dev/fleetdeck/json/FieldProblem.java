package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value our own deserializers reject, e.g. port 70000. Its message is a predicate that follows the field's
 * name ("70000 is outside 1..65535"); jackson-databind adds the field path as the error travels up.
 */
public final class FieldProblem extends JsonMappingException {

    /** The list item at fault when a deserializer reads a whole list itself, else -1. */
    private final int item;

    public FieldProblem(JsonParser p, String predicate) {
        this(p, -1, predicate);
    }

    public FieldProblem(JsonParser p, int item, String predicate) {
        super(p, predicate, p.currentTokenLocation());
        this.item = item;
    }

    /** The value is of the wrong kind altogether, e.g. a list where a port belongs. */
    public static FieldProblem wrongKind(JsonParser p, String expected) {
        return new FieldProblem(p, "is " + ValueKind.of(p.currentToken()) + "; expected " + expected);
    }

    public int item() {
        return item;
    }
}

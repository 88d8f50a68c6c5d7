package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonToken;

import java.util.Collection;
import java.util.Map;

/** Names JSON values and expected types in user words ("a list"), never in Java or parser terms. */
public final class ValueKind {

    private ValueKind() {
    }

    public static String of(JsonToken token) {
        if (token == null) return "missing";
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            default -> "something else";
        };
    }

    public static String expected(Class<?> type) {
        if (type == null) return "a different kind of value";
        if (type == String.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Collection.class.isAssignableFrom(type)) return "a list";
        if (Map.class.isAssignableFrom(type) || Record.class.isAssignableFrom(type)) return "an object";
        return "a different kind of value";
    }
}

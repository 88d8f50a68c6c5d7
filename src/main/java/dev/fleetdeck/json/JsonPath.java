package dev.fleetdeck.json;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A place in a JSON document as field names ({@link String}) and list indexes ({@link Integer}),
 * e.g. {@code hosts, cortex, health, 1}. Both the binder's errors and the position finder speak it.
 */
public record JsonPath(List<Object> segments) {

    public static final JsonPath ROOT = new JsonPath(List.of());

    public JsonPath {
        segments = List.copyOf(segments);
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("path segment must be a name or an index: " + s);
            }
        }
    }

    public static JsonPath of(Object... segments) {
        return new JsonPath(List.of(segments));
    }

    /** Where a streaming parser stands; a container that has just opened adds nothing yet. */
    public static JsonPath of(JsonStreamContext context) {
        List<Object> reversed = new ArrayList<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) reversed.add(c.getCurrentName());
            else if (c.inArray() && c.getEntryCount() > 0) reversed.add(c.getCurrentIndex());
        }
        Collections.reverse(reversed);
        return new JsonPath(reversed);
    }

    /** The path jackson-databind attached to a binding error. */
    public static JsonPath of(List<JsonMappingException.Reference> references) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) segments.add(r.getFieldName());
            else if (r.getIndex() >= 0) segments.add(r.getIndex());
        }
        return new JsonPath(segments);
    }

    public JsonPath field(String name) {
        return append(name);
    }

    public JsonPath index(int index) {
        return append(index);
    }

    public int size() {
        return segments.size();
    }

    public Object get(int i) {
        return segments.get(i);
    }

    public JsonPath prefix(int length) {
        return new JsonPath(segments.subList(0, length));
    }

    public boolean startsWith(JsonPath prefix) {
        return size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix.segments);
    }

    /** Index of the last field name: what follows it (list indexes) belongs to that field. */
    public int lastFieldIndex() {
        for (int i = size() - 1; i >= 0; i--) if (segments.get(i) instanceof String) return i;
        return 0;
    }

    /** {@code health[1].period} */
    public static String render(List<Object> segments) {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) out.append('[').append(i).append(']');
            else out.append(out.length() == 0 ? "" : ".").append(s);
        }
        return out.toString();
    }

    private JsonPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new JsonPath(longer);
    }

    @Override
    public String toString() {
        return render(segments);
    }
}

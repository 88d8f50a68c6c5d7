package dev.fleetdeck.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A text with {@code ${name}} variables. {@code $${} stands for a literal {@code ${}; any other {@code $}
 * is plain text, so shell variables such as {@code $HOME} pass through untouched.
 */
public record Template(List<Part> parts) {

    /** Built-in names have dots ({@code host.name}); parameter names do not. */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    public sealed interface Part {
        record Text(String text) implements Part {
        }

        record Var(String name) implements Part {
        }
    }

    public Template {
        parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException with a user-facing reason, e.g. an unterminated {@code ${} */
    public static Template parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) throw new IllegalArgumentException("has an unterminated \"${\" (write \"$${\" for a literal \"${\")");
                String name = text.substring(i + 2, end);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("has \"${" + name + "}\", which is not a variable name");
                }
                if (!literal.isEmpty()) parts.add(new Part.Text(literal.toString()));
                literal.setLength(0);
                parts.add(new Part.Var(name));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (!literal.isEmpty()) parts.add(new Part.Text(literal.toString()));
        return new Template(parts);
    }

    /** The variable names used, in order of appearance (with repeats). */
    public List<String> variables() {
        return parts.stream().filter(p -> p instanceof Part.Var).map(p -> ((Part.Var) p).name()).toList();
    }

    /** The text with each variable replaced by {@code value.apply(name)}, inserted as is. */
    public <E extends Exception> String render(Lookup<E> value) throws E {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Part.Text t) out.append(t.text());
            else out.append(value.apply(((Part.Var) p).name()));
        }
        return out.toString();
    }

    /** The text with variables replaced by {@code value}; for checks that need some stand-in. */
    public String fill(Function<String, String> value) {
        return render(value::apply);
    }

    /** A variable's value, or an exception saying why there is none. */
    @FunctionalInterface
    public interface Lookup<E extends Exception> {
        String apply(String name) throws E;
    }
}

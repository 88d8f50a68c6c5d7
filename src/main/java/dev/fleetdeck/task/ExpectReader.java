package dev.fleetdeck.task;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.task.Expectation.Match;
import dev.fleetdeck.task.Expectation.Stream;
import dev.fleetdeck.task.TaskJson.Expect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a step's {@code expect} and turns it into an {@link Expectation}. */
final class ExpectReader {

    private static final List<String> JSON_OPS = List.of("==", "!=", "<", "<=", ">", ">=", "exists");

    private final TaskDoc doc;
    private final TemplateChecker templates;

    ExpectReader(TaskDoc doc, TemplateChecker templates) {
        this.doc = doc;
        this.templates = templates;
    }

    Expectation read(Expect e, JsonPath at) throws ConfigException {
        if (e == null) throw doc.problem(at, "is null; expected an object such as {\"exit\": [0]}");
        List<Match> matches = new ArrayList<>();
        add(matches, Stream.STDOUT, e.stdout(), at.field("stdout"));
        add(matches, Stream.STDERR, e.stderr(), at.field("stderr"));
        add(matches, Stream.ANY, e.output(), at.field("output"));
        List<Match> notMatches = new ArrayList<>();
        add(notMatches, Stream.STDOUT, e.notStdout(), at.field("notStdout"));
        add(notMatches, Stream.STDERR, e.notStderr(), at.field("notStderr"));
        add(notMatches, Stream.ANY, e.notOutput(), at.field("notOutput"));
        Match absent = e.absent() == null ? null : new Match(Stream.ANY, regex(e.absent(), at.field("absent")));
        return new Expectation(exit(e.exit(), at.field("exit")), matches, notMatches,
                json(e.json(), at.field("json")), threshold(e.threshold(), at.field("threshold")), absent);
    }

    private Set<Integer> exit(List<Integer> codes, JsonPath at) throws ConfigException {
        if (codes == null) return Set.of(0);
        if (codes.isEmpty()) throw doc.problem(at, "is empty; list the accepted exit codes, e.g. [0]");
        for (int i = 0; i < codes.size(); i++) {
            Integer c = codes.get(i);
            if (c == null || c < 0 || c > 255) throw doc.problem(at.index(i), c + " is not an exit code (0..255)");
        }
        return Set.copyOf(new LinkedHashSet<>(codes));
    }

    private void add(List<Match> to, Stream stream, String regex, JsonPath at) throws ConfigException {
        if (regex != null) to.add(new Match(stream, regex(regex, at)));
    }

    private String regex(String regex, JsonPath at) throws ConfigException {
        Template t = templates.check(regex, at);
        try {
            Pattern.compile(TemplateChecker.withStandIns(t));
        } catch (PatternSyntaxException e) {
            throw doc.problem(at, "/" + regex + "/ is not a valid regex: " + e.getDescription());
        }
        return regex;
    }

    private Expectation.JsonCheck json(TaskJson.Json j, JsonPath at) throws ConfigException {
        if (j == null) return null;
        if (j.pointer() == null) throw doc.problem(at, "needs \"pointer\", e.g. \"/archives/0/name\"");
        templates.check(j.pointer(), at.field("pointer"));
        try {
            JsonPointer.compile(j.pointer());
        } catch (IllegalArgumentException e) {
            throw doc.problem(at.field("pointer"), "\"" + j.pointer() + "\" is not a JSON pointer (\"\" or \"/a/0/b\")");
        }
        String op = j.op() != null ? j.op() : j.value() != null ? "==" : "exists";
        if (!JSON_OPS.contains(op)) {
            throw doc.problem(at.field("op"), "\"" + op + "\" is not an operator (" + String.join(" ", JSON_OPS) + ")");
        }
        if (op.equals("exists") && j.value() != null) throw doc.problem(at.field("value"), "does not go with \"exists\"");
        if (!op.equals("exists") && j.value() == null) throw doc.problem(at, "needs \"value\" to compare with");
        String value = j.value() == null ? null : scalar(j.value(), at.field("value"));
        if (value != null) templates.check(value, at.field("value"));
        return new Expectation.JsonCheck(j.pointer(), op, value);
    }

    private Expectation.Threshold threshold(TaskJson.Threshold t, JsonPath at) throws ConfigException {
        if (t == null) return null;
        if (t.op() == null) throw doc.problem(at, "needs \"op\" (" + String.join(" ", Comparison.OPS) + ")");
        if (!Comparison.OPS.contains(t.op())) {
            throw doc.problem(at.field("op"), "\"" + t.op() + "\" is not an operator (" + String.join(" ", Comparison.OPS) + ")");
        }
        if (t.limit() == null) throw doc.problem(at, "needs \"limit\", e.g. \"5GiB\", \"90s\", \"80%\" or 3");
        String limit = scalar(t.limit(), at.field("limit"));
        String filled = templates.withDefaults(templates.check(limit, at.field("limit")));
        if (filled != null) {
            try {
                Quantity.parse(filled);
            } catch (IllegalArgumentException e) {
                throw doc.problem(at.field("limit"), e.getMessage());
            }
        }
        String pattern = t.pattern() == null ? null : regex(t.pattern(), at.field("pattern"));
        return new Expectation.Threshold(t.stream() == null ? Stream.STDOUT : t.stream(), pattern, t.op(), limit);
    }

    /** A string, number or boolean, as text. */
    private String scalar(JsonNode node, JsonPath at) throws ConfigException {
        if (node.isTextual()) return node.textValue();
        if (node.isNumber() || node.isBoolean()) return node.asText();
        throw doc.problem(at, "is " + (node.isArray() ? "a list" : node.isObject() ? "an object" : "null")
                + "; expected a string or a number");
    }
}

package dev.fleetdeck.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.task.Expectation.JsonCheck;
import dev.fleetdeck.task.Expectation.Match;
import dev.fleetdeck.task.Expectation.Stream;
import dev.fleetdeck.task.Expectation.Threshold;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Judges a finished command against its (already substituted) expectation. {@code absent} is looked at first;
 * then the exit code, the regexes, the JSON check and the threshold, and the first that does not hold is the
 * message. Regexes are found anywhere in the stream, with {@code ^} and {@code $} matching at line ends.
 */
public final class ExpectationEvaluator {

    private static final java.util.regex.Pattern DIAGNOSIS = java.util.regex.Pattern.compile("(?:FAIL|WARN): (.+)");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIRST_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final int SHOWN = 80;

    private ExpectationEvaluator() {
    }

    public static Verdict evaluate(Expectation e, int exitCode, String stdout, String stderr) {
        Output out = new Output(stdout, stderr);
        try {
            if (e.absent() != null) {
                Optional<String> found = out.find(e.absent());
                if (found.isPresent()) return new Verdict(StepStatus.ABSENT, "absent: " + found.get());
            }
            Set<Integer> codes = e.exitCodes() == null ? Set.of(0) : e.exitCodes();
            if (!codes.contains(exitCode)) return failed("exit " + exitCode + " (expected " + codes(codes) + ")");
            for (Match m : e.matches()) {
                if (out.find(m).isEmpty()) return failed(name(m.stream()) + " does not match /" + m.regex() + "/");
            }
            for (Match m : e.notMatches()) {
                Optional<String> found = out.find(m);
                if (found.isPresent()) return failed(diagnosis(found.get())
                        .orElse(name(m.stream()) + " matches /" + m.regex() + "/: " + found.get()));
            }
            if (e.json() != null) {
                Optional<String> wrong = json(e.json(), stdout);
                if (wrong.isPresent()) return failed(wrong.get());
            }
            if (e.threshold() != null) return threshold(e.threshold(), out);
            return new Verdict(StepStatus.PASSED, "exit " + exitCode);
        } catch (PatternSyntaxException bad) {
            return failed("invalid regex /" + bad.getPattern() + "/: " + bad.getDescription());
        } catch (IllegalArgumentException bad) {
            return failed(bad.getMessage());
        }
    }

    private static Optional<String> json(JsonCheck check, String stdout) {
        JsonNode root;
        try {
            root = stdout.isBlank() ? null : JSON.readTree(stdout);
        } catch (JsonProcessingException notJson) {
            root = null;
        }
        if (root == null) return Optional.of("stdout is not JSON");
        JsonNode node = root.at(check.pointer());
        String where = check.pointer().isEmpty() ? "the JSON" : check.pointer();
        if (node.isMissingNode()) return Optional.of(where + " is missing");
        if (check.op().equals("exists")) return Optional.empty();
        String actual = node.isValueNode() ? node.asText() : node.toString();
        BigDecimal a = number(actual);
        BigDecimal b = number(check.value());
        int cmp = a != null && b != null ? a.compareTo(b) : actual.compareTo(check.value());
        if (Comparison.holds(check.op(), cmp)) return Optional.empty();
        boolean quoted = node.isTextual();
        String shown = quoted ? "\"" + actual + "\"" : actual;
        String expected = quoted || b == null ? "\"" + check.value() + "\"" : check.value();
        return Optional.of(where + " is " + shorten(shown) + " (expected " + check.op() + " " + expected + ")");
    }

    private static Verdict threshold(Threshold t, Output out) {
        Quantity limit = Quantity.parse(t.limit());
        Pattern pattern = t.pattern() == null ? FIRST_NUMBER : Pattern.compile(t.pattern(), Pattern.MULTILINE);
        Found found = out.search(t.stream(), pattern);
        String label = label(t);
        if (found == null) {
            return failed(t.pattern() == null ? name(t.stream()) + " has no number"
                    : name(t.stream()) + " does not match /" + t.pattern() + "/");
        }
        String text = numberText(found.match(), t.pattern());
        BigDecimal value = number(text);
        if (value == null) return failed(label + " \"" + shorten(text) + "\" is not a number");
        double v = value.doubleValue();
        boolean holds = Comparison.holds(t.op(), Double.compare(v, limit.base()));
        String[] shown = limit.formatPair(v);
        String op = holds ? t.op() : Comparison.negate(t.op());
        String message = label + " " + shown[0] + " " + op + " " + shown[1];
        return new Verdict(holds ? StepStatus.PASSED : StepStatus.FAILED, message);
    }

    /** A named group, as in {@code (?<free>\d+)}, names the number in messages; else its stream does. */
    private static String label(Threshold t) {
        if (t.pattern() != null) {
            Matcher named = NAMED_GROUP.matcher(t.pattern());
            if (named.find()) return named.group(1);
        }
        return name(t.stream());
    }

    private static String numberText(Matcher m, String pattern) {
        if (pattern != null) {
            Matcher named = NAMED_GROUP.matcher(pattern);
            if (named.find()) return m.group(named.group(1));
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    private static BigDecimal number(String text) {
        if (text == null) return null;
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String codes(Set<Integer> codes) {
        String list = new TreeSet<>(codes).stream().map(String::valueOf).collect(Collectors.joining(", "));
        return codes.size() == 1 ? list : "one of " + list;
    }

    static String name(Stream stream) {
        return switch (stream) {
            case STDOUT -> "stdout";
            case STDERR -> "stderr";
            case ANY -> "output";
        };
    }

    private static Verdict failed(String message) {
        return new Verdict(StepStatus.FAILED, message);
    }

    static String shorten(String text) {
        String line = text.strip();
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN - 1) + "…";
    }

    /** Both streams of a command. */
    private record Output(String stdout, String stderr) {

        /** The line holding the first match, shortened for a message. */
        Optional<String> find(Match match) {
            Found f = search(match.stream(), Pattern.compile(match.regex(), Pattern.MULTILINE));
            return f == null ? Optional.empty() : Optional.of(shorten(f.line()));
        }

        /** The first match of {@code pattern} in the stream (stdout first for "output"), or null. */
        Found search(Stream stream, Pattern pattern) {
            if (stream != Stream.STDERR) {
                Matcher m = pattern.matcher(stdout);
                if (m.find()) return new Found(stdout, m);
            }
            if (stream != Stream.STDOUT) {
                Matcher m = pattern.matcher(stderr);
                if (m.find()) return new Found(stderr, m);
            }
            return null;
        }
    }

    /**
     * A script's own diagnosis line, {@code FAIL: reason} or {@code WARN: reason}: the reason alone is the
     * clearest message, since the step's status already says it failed.
     */
    private static Optional<String> diagnosis(String line) {
        java.util.regex.Matcher d = DIAGNOSIS.matcher(line.strip());
        return d.matches() ? Optional.of(d.group(1)) : Optional.empty();
    }

    /** A match and the text it was found in. */
    private record Found(String text, Matcher match) {

        String line() {
            int start = text.lastIndexOf('\n', Math.max(0, match.start() - 1)) + 1;
            if (match.start() == 0) start = 0;
            int end = text.indexOf('\n', match.end());
            String line = text.substring(start, end < 0 ? text.length() : Math.max(end, match.end()));
            return line.isBlank() ? match.group() : line;
        }
    }
}

package dev.fleetdeck.task;

import java.util.List;
import java.util.Set;

/**
 * What a passing step looks like. Every non-null part must hold. With no parts at all, exit 0 passes.
 *
 * @param exitCodes    accepted exit codes ({@code null} = {0})
 * @param matches      regexes that must be found in their stream
 * @param notMatches   regexes that must not be found
 * @param json         a value in the JSON printed on stdout compared with an expected value
 * @param threshold    a number taken from the output compared with a limit such as {@code >= 5GiB}
 * @param absent       when this regex is found the step's subject is not there (e.g. "No YubiKey
 *                     detected"): the step ends as {@link StepStatus#ABSENT}, which is not a failure
 */
public record Expectation(Set<Integer> exitCodes, List<Match> matches, List<Match> notMatches, JsonCheck json,
                          Threshold threshold, Match absent) {

    public static final Expectation EXIT_ZERO = new Expectation(Set.of(0), List.of(), List.of(), null, null, null);

    public enum Stream { STDOUT, STDERR, ANY }

    /** A regex looked for (find, not full match) in one stream. */
    public record Match(Stream stream, String regex) {
    }

    /**
     * @param pointer JSON Pointer into stdout's JSON, e.g. {@code /archives/0/name}
     * @param op      one of == != < <= > >= exists
     * @param value   expected value as text (numbers compare numerically)
     */
    public record JsonCheck(String pointer, String op, String value) {
    }

    /**
     * @param stream  where to look
     * @param pattern regex whose first group is the number (default: the first number in the output)
     * @param op      one of == != < <= > >=
     * @param limit   a number with an optional unit: B KB MB GB TB KiB MiB GiB TiB, s m h d, or %
     */
    public record Threshold(Stream stream, String pattern, String op, String limit) {
    }
}

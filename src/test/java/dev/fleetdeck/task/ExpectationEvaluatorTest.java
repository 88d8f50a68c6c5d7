package dev.fleetdeck.task;

import dev.fleetdeck.task.Expectation.JsonCheck;
import dev.fleetdeck.task.Expectation.Match;
import dev.fleetdeck.task.Expectation.Stream;
import dev.fleetdeck.task.Expectation.Threshold;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpectationEvaluatorTest {

    static Verdict eval(Expectation e, int exit, String stdout, String stderr) {
        return ExpectationEvaluator.evaluate(e, exit, stdout, stderr);
    }

    static Expectation matches(Match... m) {
        return new Expectation(null, List.of(m), List.of(), null, null, null);
    }

    static Expectation notMatches(Match... m) {
        return new Expectation(null, List.of(), List.of(m), null, null, null);
    }

    static Expectation json(String pointer, String op, String value) {
        return new Expectation(null, List.of(), List.of(), new JsonCheck(pointer, op, value), null, null);
    }

    static Expectation threshold(Stream stream, String pattern, String op, String limit) {
        return new Expectation(null, List.of(), List.of(), null, new Threshold(stream, pattern, op, limit), null);
    }

    static Verdict passed(String message) {
        return new Verdict(StepStatus.PASSED, message);
    }

    static Verdict failed(String message) {
        return new Verdict(StepStatus.FAILED, message);
    }

    @Test
    void exitCodes() {
        assertEquals(passed("exit 0"), eval(Expectation.EXIT_ZERO, 0, "", ""));
        assertEquals(failed("exit 3 (expected 0)"), eval(Expectation.EXIT_ZERO, 3, "", ""));
        Expectation some = new Expectation(Set.of(2, 0, 1), List.of(), List.of(), null, null, null);
        assertEquals(failed("exit 5 (expected one of 0, 1, 2)"), eval(some, 5, "", ""));
        assertEquals(failed("exit 1 (expected 0)"), eval(new Expectation(null, List.of(), List.of(), null, null, null), 1, "", ""));
    }

    @Test
    void regexesAreFoundPerLine() {
        assertEquals(passed("exit 0"), eval(matches(new Match(Stream.STDOUT, "^active$")), 0, "x\nactive\n", ""));
        assertEquals(failed("stdout does not match /active/"), eval(matches(new Match(Stream.STDOUT, "active")), 0, "inact1ve", "active"));
        assertEquals(passed("exit 0"), eval(matches(new Match(Stream.ANY, "warn")), 0, "", "a warning"));
        assertEquals(failed("output does not match /ok/"), eval(matches(new Match(Stream.ANY, "ok")), 0, "no", "nope"));
        assertEquals(failed("stderr matches /error/: disk error on sda"),
                eval(notMatches(new Match(Stream.STDERR, "error")), 0, "", "fine\ndisk error on sda\nmore"));
        assertEquals(failed("invalid regex /(/: Unclosed group"), eval(matches(new Match(Stream.STDOUT, "(")), 0, "", ""));
    }

    @Test
    void absentComesFirst() {
        Expectation e = new Expectation(Set.of(0), List.of(new Match(Stream.STDOUT, "YubiKey")), List.of(), null, null,
                new Match(Stream.ANY, "No YubiKey detected"));
        assertEquals(new Verdict(StepStatus.ABSENT, "absent: No YubiKey detected"), eval(e, 1, "", "No YubiKey detected"));
        assertEquals(passed("exit 0"), eval(e, 0, "YubiKey 5 NFC", ""));
        assertEquals(failed("exit 1 (expected 0)"), eval(e, 1, "", "boom"));
    }

    @Test
    void jsonChecks() {
        String out = "{\"archives\": [{\"name\": \"cortex-2024\", \"size\": 12}], \"ok\": true}";
        assertEquals(passed("exit 0"), eval(json("/archives/0/name", "==", "cortex-2024"), 0, out, ""));
        assertEquals(failed("/archives/0/name is \"cortex-2024\" (expected == \"x\")"), eval(json("/archives/0/name", "==", "x"), 0, out, ""));
        assertEquals(passed("exit 0"), eval(json("/archives/0/size", ">", "9"), 0, out, ""));
        assertEquals(failed("/archives/0/size is 12 (expected < 10)"), eval(json("/archives/0/size", "<", "10"), 0, out, ""));
        assertEquals(passed("exit 0"), eval(json("/ok", "==", "true"), 0, out, ""));
        assertEquals(failed("/archives/1 is missing"), eval(json("/archives/1", "exists", null), 0, out, ""));
        assertEquals(passed("exit 0"), eval(json("/archives/0", "exists", null), 0, out, ""));
        assertEquals(failed("stdout is not JSON"), eval(json("/a", "exists", null), 0, "nope {", ""));
    }

    @Test
    void thresholdsSpeakTheLimitsUnit() {
        long free = 2_254_857_830L; // 2.1 GiB
        assertEquals(failed("free 2.1 GiB < 5 GiB"),
                eval(threshold(Stream.STDOUT, "(?<free>\\d+)", ">=", "5GiB"), 0, free + "\n", ""));
        assertEquals(passed("free 2.1 GiB >= 1 GiB"),
                eval(threshold(Stream.STDOUT, "(?<free>\\d+)", ">=", "1GiB"), 0, free + "\n", ""));
        assertEquals(failed("stdout 91% > 80%"), eval(threshold(Stream.STDOUT, "(\\d+)%", "<=", "80%"), 0, "use 91%", ""));
        assertEquals(failed("output 2 h > 1.5 h"), eval(threshold(Stream.ANY, null, "<=", "1.5h"), 0, "", "age 7200"));
        assertEquals(failed("stdout 3 != 4"), eval(threshold(Stream.STDOUT, null, "==", "4"), 0, "3 units", ""));
        assertEquals(passed("stdout 2.5 MB > 2 MB"), eval(threshold(Stream.STDOUT, null, ">", "2MB"), 0, "2500000", ""));
    }

    @Test
    void thresholdNumbersNeverLookEqualWhenTheyDiffer() {
        assertEquals(failed("stdout 4.999 GiB < 5 GiB"),
                eval(threshold(Stream.STDOUT, null, ">=", "5GiB"), 0, Long.toString(5_367_627_776L), ""));
    }

    @Test
    void thresholdWithoutANumber() {
        assertEquals(failed("stdout has no number"), eval(threshold(Stream.STDOUT, null, ">=", "1"), 0, "none", ""));
        assertEquals(failed("stderr does not match /avail (\\d+)/"),
                eval(threshold(Stream.STDERR, "avail (\\d+)", ">=", "1"), 0, "", "used 5"));
        assertEquals(failed("stdout \"abc\" is not a number"), eval(threshold(Stream.STDOUT, "v=(\\w+)", ">=", "1"), 0, "v=abc", ""));
        assertEquals(failed("\"5 gigs\" has unknown unit \"gigs\" (units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, s, m, h, d, % or none)"),
                eval(threshold(Stream.STDOUT, null, ">=", "5 gigs"), 0, "7", ""));
    }
}

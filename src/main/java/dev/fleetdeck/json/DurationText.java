package dev.fleetdeck.json;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in config files: {@code 90s}, {@code 5m}, {@code 26h}, {@code 1h30m}, {@code 2d}, {@code 90}. */
public final class DurationText {

    /** The accepted forms, for error messages. */
    public static final String FORMS = "use a number of seconds or e.g. 90s, 5m, 26h, 1h30m, 2d";

    private static final Pattern FORM = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private DurationText() {
    }

    /** The duration, or empty when {@code text} is none of the accepted forms (or absurdly large). */
    public static Optional<Duration> parse(String text) {
        String t = text.strip();
        try {
            if (SECONDS.matcher(t).matches()) return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
            Matcher m = FORM.matcher(t);
            if (t.isEmpty() || !m.matches()) return Optional.empty();
            Duration d = Duration.ZERO
                    .plusDays(number(m.group(1)))
                    .plusHours(number(m.group(2)))
                    .plusMinutes(number(m.group(3)))
                    .plusSeconds(number(m.group(4)));
            return Optional.of(d);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The shortest form that {@link #parse} reads back: {@code 1h30m}, {@code 90s} becomes {@code 1m30s}. */
    public static String format(Duration d) {
        long seconds = d.getSeconds();
        if (seconds == 0) return "0s";
        StringBuilder out = new StringBuilder();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        if (days > 0) out.append(days).append('d');
        if (hours > 0) out.append(hours).append('h');
        if (minutes > 0) out.append(minutes).append('m');
        if (rest > 0) out.append(rest).append('s');
        return out.toString();
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}

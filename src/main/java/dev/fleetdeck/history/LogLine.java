package dev.fleetdeck.history;

import dev.fleetdeck.transport.OutputLine;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One line of a step's log: {@code HH:mm:ss.SSS O text} ({@code E} for stderr), the time in the recording
 * machine's zone. The text is stored raw (the reader sanitises); only a newline inside it is shown as ^J,
 * so one output line stays one log line.
 */
public record LogLine(LocalTime time, OutputLine.Stream stream, String text) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    static String format(Instant at, ZoneId zone, OutputLine line) {
        return TIME.format(at.atZone(zone)) + (line.stream() == OutputLine.Stream.STDERR ? " E " : " O ")
                + line.text().replace("\n", "^J") + "\n";
    }

    /** The line, or empty when it is not in the log format (e.g. cut short by a crash). */
    public static Optional<LogLine> parse(String line) {
        if (line.length() < 15 || line.charAt(12) != ' ' || line.charAt(14) != ' ') return Optional.empty();
        OutputLine.Stream stream = switch (line.charAt(13)) {
            case 'O' -> OutputLine.Stream.STDOUT;
            case 'E' -> OutputLine.Stream.STDERR;
            default -> null;
        };
        if (stream == null) return Optional.empty();
        try {
            LocalTime time = LocalTime.parse(line.substring(0, 12), TIME);
            return Optional.of(new LogLine(time, stream, line.substring(15)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String timeText() {
        return TIME.format(time);
    }
}

package dev.fleetdeck.fleet;

import java.util.List;

/** A finished local command. */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    /** The most telling line of stderr for a one-line message: the first {@code error:} line, else the last line. */
    public String errorSummary() {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return "no error output";
        String line = lines.stream().filter(l -> l.startsWith("error:")).findFirst().orElse(lines.get(lines.size() - 1));
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}

package dev.fleetdeck.json;

/**
 * Something wrong with a configuration file, as exactly one line: {@code path:line:column: what is wrong}.
 * Editors and terminals recognise that form, so the user can jump straight to the spot.
 */
public class ConfigException extends Exception {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source  the file as the user knows it (or a description such as {@code nix eval .#deploy.nodes})
     * @param line    1-based line
     * @param column  1-based column
     * @param problem what is wrong; line breaks are folded so the message stays one line
     */
    public ConfigException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + oneLine(problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = oneLine(problem);
    }

    /** A problem that is about no file in particular, e.g. that no file was found at all. */
    public ConfigException(String problem) {
        super(oneLine(problem));
        this.source = null;
        this.line = 0;
        this.column = 0;
        this.problem = oneLine(problem);
    }

    /** The file (or output) at fault, or {@code null} when no file is concerned. */
    public String source() {
        return source;
    }

    /** 1-based, or 0 when no file is concerned. */
    public int line() {
        return line;
    }

    /** 1-based, or 0 when no file is concerned. */
    public int column() {
        return column;
    }

    /** The message without its {@code path:line:column:} prefix. */
    public String problem() {
        return problem;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

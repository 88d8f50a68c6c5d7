package dev.fleetdeck.cli;

import dev.fleetdeck.text.TerminalSanitizer;
import java.util.Map;

/** What the headless commands may print: colours only to a terminal, and never when NO_COLOR is set. */
record Terminal(boolean colour) {

    static Terminal detect(Map<String, String> env) {
        boolean tty = System.console() != null;
        String noColor = env.get("NO_COLOR");
        return new Terminal(tty && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM")));
    }

    /** Remote text made inert for this terminal. */
    String remote(String text) {
        return colour ? TerminalSanitizer.keepColours(text) + (text.indexOf('\u001b') >= 0 ? "\u001b[0m" : "")
                : TerminalSanitizer.plain(text);
    }
}

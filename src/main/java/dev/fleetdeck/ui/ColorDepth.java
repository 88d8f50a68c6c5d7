package dev.fleetdeck.ui;

import java.util.Locale;
import java.util.Map;

/**
 * How many colours the operator's terminal shows. Detected from the environment because we never query the
 * terminal (a reply may take seconds over ssh); COLORTERM does not cross ssh, so TERM is the fallback.
 */
public enum ColorDepth {
    MONO, ANSI16, ANSI256, TRUECOLOR;

    /** {@code override} is the {@code --colors} value (mono, 16, 256, truecolor) or null. */
    public static ColorDepth detect(Map<String, String> env, String override) {
        if (override != null && !override.isBlank()) return parse(override);
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return MONO;
        String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (colorterm.equals("truecolor") || colorterm.equals("24bit")) return TRUECOLOR;
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.isEmpty() || term.equals("dumb")) return MONO;
        if (term.contains("direct") || term.contains("truecolor")) return TRUECOLOR;
        if (term.contains("256")) return ANSI256;
        return ANSI16;
    }

    public static ColorDepth parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "mono", "none", "0", "2" -> MONO;
            case "16", "8", "ansi" -> ANSI16;
            case "256" -> ANSI256;
            case "truecolor", "24bit", "true", "rgb" -> TRUECOLOR;
            default -> throw new IllegalArgumentException(
                    "unknown colour depth \"" + s + "\"; use mono, 16, 256 or truecolor");
        };
    }
}

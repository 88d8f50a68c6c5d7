package dev.fleetdeck.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords the JSON parser's complaints as short sentences about the text, so no parser vocabulary
 * (token names, feature flags, "code 125") reaches the user. Unknown complaints become "invalid JSON".
 */
final class SyntaxMessages {

    private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.+?)' \\(code");
    private static final Pattern CLOSE_MARKER = Pattern.compile("close marker '(.)'");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']*)'");

    private SyntaxMessages() {
    }

    /**
     * @param parserMessage the parser's own message, without location
     * @param inArray       whether the parser stood inside a list (to say which bracket is missing)
     */
    static String describe(String parserMessage, boolean inArray) {
        String m = parserMessage == null ? "" : parserMessage;
        String c = group(CHARACTER, m);
        if (m.contains("start field name")) {
            if ("}".equals(c)) return "trailing comma before \"}\" (JSON allows no comma after the last field)";
            return "expected a field name in double quotes, found " + quote(c);
        }
        if (m.contains("expected a valid value")) {
            if ("]".equals(c)) return "expected a value, found \"]\" (a trailing comma after the last item?)";
            if ("'".equals(c)) return "strings must be in double quotes";
            return "expected a value, found " + quote(c);
        }
        String token = group(TOKEN, m);
        if (token != null) {
            return "unknown word \"" + token + "\" (a value is a \"string\", a number, true, false, null, {...} or [...])";
        }
        if (m.contains("CTRL-CHAR, code 10") || m.contains("CTRL-CHAR, code 13")) {
            return "unterminated string: a string must end with \" on the line where it starts";
        }
        if (m.contains("CTRL-CHAR")) return "control character inside a string; escape it (e.g. \\t)";
        if (m.contains("closing quote")) return "unterminated string: missing closing \"";
        if (m.contains("expecting a colon")) return "expected \":\" after the field name";
        if (m.contains("expecting comma")) {
            return "missing comma before this " + (inArray ? "item" : "field");
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "unexpected end of file: missing " + (inArray ? "\"]\"" : "\"}\"");
        }
        if (m.contains("close marker")) {
            String marker = group(CLOSE_MARKER, m);
            return m.contains("no open") ? "unexpected " + quote(marker) + " with nothing open to close"
                    : "mismatched " + quote(marker) + ": expected " + (inArray ? "\"]\"" : "\"}\"");
        }
        if (m.contains("comment")) return "comments are not allowed in JSON";
        if (m.contains("character escape")) return "invalid escape in a string (use \\\\, \\\", \\n, \\t or \\uXXXX)";
        if (m.contains("Leading zeroes")) return "invalid number: leading zeroes are not allowed";
        if (m.contains("numeric value") || m.contains("Numeric value")) return "invalid number";
        return "invalid JSON";
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String quote(String character) {
        return character == null ? "something else" : "\"" + character + "\"";
    }
}

package dev.fleetdeck.fleet;

import java.util.regex.Pattern;

/** Shell-style globs for host names and tags: {@code *}, {@code ?}, {@code [ab]}, {@code [a-z]}, {@code [!a]}. */
final class Glob {

    private Glob() {
    }

    static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }

    /** @throws IllegalArgumentException for an unclosed {@code [} */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> i = charClass(glob, i, regex);
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Appends the class starting at {@code open}; returns the index of its closing bracket. */
    private static int charClass(String glob, int open, StringBuilder regex) {
        int i = open + 1;
        boolean negate = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negate) i++;
        int first = i;
        // A ']' right after the opening bracket is a literal, as in the shell.
        if (i < glob.length() && glob.charAt(i) == ']') i++;
        while (i < glob.length() && glob.charAt(i) != ']') i++;
        if (i >= glob.length()) throw new IllegalArgumentException("unclosed \"[\" in \"" + glob + "\"");
        regex.append('[').append(negate ? "^" : "");
        for (int j = first; j < i; j++) {
            char c = glob.charAt(j);
            boolean range = c == '-' && j > first && j < i - 1;
            regex.append(range ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        regex.append(']');
        return i;
    }
}

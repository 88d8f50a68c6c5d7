package dev.fleetdeck.ui;

import java.util.Set;

/**
 * A key as keymap files spell it: a printable character ({@code q}, {@code G}, {@code /}), {@code C-r} (Ctrl),
 * {@code M-x} (Alt), or a named key ({@code Enter Tab BackTab Esc Space Backspace Delete Insert Up Down Left
 * Right Home End PgUp PgDn F1..F12}).
 */
public record Key(String name) {

    static final Set<String> NAMED = Set.of("Enter", "Tab", "BackTab", "Esc", "Space", "Backspace", "Delete",
            "Insert", "Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn", "F1", "F2", "F3", "F4", "F5",
            "F6", "F7", "F8", "F9", "F10", "F11", "F12");

    public static final Key ENTER = new Key("Enter");
    public static final Key ESC = new Key("Esc");
    public static final Key TAB = new Key("Tab");
    public static final Key BACKSPACE = new Key("Backspace");

    /** Parses a keymap spelling; throws IllegalArgumentException with the reason. */
    public static Key parse(String s) {
        if (s == null || s.isEmpty()) throw new IllegalArgumentException("empty key");
        if (s.codePointCount(0, s.length()) == 1) {
            int cp = s.codePointAt(0);
            if (cp < 0x20 || cp == 0x7f) throw new IllegalArgumentException("control character; write C-x instead");
            return cp == ' ' ? new Key("Space") : new Key(s);
        }
        if (NAMED.contains(s)) return new Key(s);
        if ((s.startsWith("C-") || s.startsWith("M-")) && s.length() > 2) {
            Key rest = parse(s.substring(2));
            if (s.startsWith("C-") && rest.name.length() == 1) return ctrl(rest.name.charAt(0));
            return new Key(s.substring(0, 2) + rest.name);
        }
        throw new IllegalArgumentException("unknown key \"" + s + "\"; write a character, C-x, M-x or one of "
                + String.join(" ", new java.util.TreeSet<>(NAMED)));
    }

    public static Key of(char c) {
        return c == ' ' ? new Key("Space") : new Key(String.valueOf(c));
    }

    /** Ctrl plus a letter: case does not matter, as terminals cannot tell C-a from C-A. */
    public static Key ctrl(char c) {
        return new Key("C-" + Character.toLowerCase(c));
    }

    public static Key alt(char c) {
        return new Key("M-" + of(c).name);
    }

    /** The character this key types into a text field, or 0 for keys that type nothing. */
    public char typed() {
        if (name.equals("Space")) return ' ';
        return name.length() == 1 ? name.charAt(0) : 0;
    }

    @Override
    public String toString() {
        return name;
    }
}

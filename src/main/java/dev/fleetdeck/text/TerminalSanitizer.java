package dev.fleetdeck.text;

/**
 * Makes remote output safe to print on the operator's terminal. A remote host must never drive that
 * terminal: set the clipboard (OSC 52), retitle the window, move the cursor, query the device, or start a
 * DCS string. Only SGR colour sequences ({@code ESC [ … m} with digits, ';' and ':') may be kept; every
 * other escape sequence — 7-bit or C1 — is removed whole, and other control characters are shown in caret
 * notation ({@code ^G}) so they are visible but inert. Tabs stay.
 */
public final class TerminalSanitizer {

    private static final char ESC = 0x1b;

    private TerminalSanitizer() {
    }

    /** Keeps colours, removes everything else that could act on a terminal. */
    public static String keepColours(String line) {
        return clean(line, true);
    }

    /** Plain text only: for logs, JSON, NO_COLOR and non-terminals. */
    public static String plain(String line) {
        return clean(line, false);
    }

    private static String clean(String s, boolean keepSgr) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            boolean safe = c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) || c == '\t';
            if (safe) {
                if (out != null) out.append(c);
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(n).append(s, 0, i);
            if (c == ESC || (c >= 0x80 && c <= 0x9f)) {
                int end = sequenceEnd(s, i);
                if (keepSgr && isSgr(s, i, end)) {
                    out.append(ESC).append('[').append(s, i + (c == ESC ? 2 : 1), end);
                }
                i = end;
            } else {
                out.append('^').append(c == 0x7f ? '?' : (char) (c + 64));
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /** Index just past the escape sequence starting at {@code i} (an ESC or a C1 control). */
    private static int sequenceEnd(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        char kind;
        int j;
        if (c == ESC) {
            if (i + 1 >= n) return n;
            kind = s.charAt(i + 1);
            j = i + 2;
        } else {
            kind = (char) (c - 0x40); // C1 0x9b is ESC '[' in one byte, and so on
            j = i + 1;
        }
        switch (kind) {
            case '[': // CSI: parameters and intermediates, then one final byte 0x40..0x7e
                while (j < n) {
                    char d = s.charAt(j++);
                    if (d >= 0x40 && d <= 0x7e) return j;
                    if (d < 0x20 || d > 0x3f && d < 0x40) return j;
                }
                return n;
            case ']': case 'P': case 'X': case '^': case '_': // OSC, DCS, SOS, PM, APC: up to BEL or ST
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == 0x07 || d == 0x9c) return j + 1;
                    if (d == ESC && j + 1 < n && s.charAt(j + 1) == '\\') return j + 2;
                    j++;
                }
                return n;
            default: // nF: intermediates 0x20..0x2f then a final byte; else a two-byte sequence
                if (c != ESC) return j;
                while (j < n && s.charAt(j - 1) >= 0x20 && s.charAt(j - 1) <= 0x2f) j++;
                return Math.min(j, n);
        }
    }

    private static boolean isSgr(String s, int start, int end) {
        int p = start + (s.charAt(start) == ESC ? 2 : 1);
        if (end - 1 < p || s.charAt(end - 1) != 'm') return false;
        if (s.charAt(start) == ESC && s.charAt(start + 1) != '[') return false;
        if (s.charAt(start) != ESC && s.charAt(start) != 0x9b) return false;
        for (int k = p; k < end - 1; k++) {
            char d = s.charAt(k);
            if (!(d >= '0' && d <= '9') && d != ';' && d != ':') return false;
        }
        return true;
    }
}

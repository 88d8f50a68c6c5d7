package dev.fleetdeck.ui;

import java.io.IOException;
import org.jline.utils.NonBlockingReader;

/**
 * Turns the characters a terminal sends into keys and pastes. Knows the xterm/VT sequences every terminal
 * emulator and tmux send; an unknown sequence is dropped whole rather than typed as garbage. A lone ESC is the
 * Esc key when nothing follows within {@link #ESC_WAIT_MS} (long enough for ssh, short enough to feel instant).
 */
final class KeyDecoder {

    static final long ESC_WAIT_MS = 60;
    /** Longest paste kept; the rest is read and dropped so the terminal stays in sync. */
    static final int MAX_PASTE = 1 << 20;
    private static final String PASTE_END = "\u001b[201~";

    private final NonBlockingReader in;

    KeyDecoder(NonBlockingReader in) {
        this.in = in;
    }

    /** Blocks for the next key or paste; null at end of input. Unknown sequences are skipped. */
    Msg next() throws IOException {
        while (true) {
            int c = in.read();
            if (c < 0) return null;
            Msg m = decode(c);
            if (m != null) return m;
        }
    }

    private Msg decode(int c) throws IOException {
        if (c == 0x1b) {
            int n = in.read(ESC_WAIT_MS);
            if (n < 0) return key(Key.ESC);
            if (n == '[') return csi();
            if (n == 'O') return ss3();
            if (n == 0x1b) return key(Key.ESC);
            Msg inner = decode(n);
            return inner instanceof Msg.KeyPressed k ? key(new Key("M-" + k.key().name())) : inner;
        }
        if (c == '\r' || c == '\n') return key(Key.ENTER);
        if (c == '\t') return key(Key.TAB);
        if (c == 0x7f || c == 0x08) return key(Key.BACKSPACE);
        if (c == 0) return key(new Key("C-Space"));
        if (c < 0x20) return key(Key.ctrl((char) (c + 0x60)));
        if (Character.isHighSurrogate((char) c)) {
            int low = in.read(ESC_WAIT_MS);
            return low < 0 ? null : key(new Key(new String(new char[]{(char) c, (char) low})));
        }
        return key(Key.of((char) c));
    }

    private Msg csi() throws IOException {
        StringBuilder params = new StringBuilder();
        int f;
        while (true) {
            f = in.read(ESC_WAIT_MS);
            if (f < 0) return null;
            if (f >= 0x40 && f <= 0x7e) break;
            params.append((char) f);
        }
        String p = params.toString();
        String[] parts = p.split(";");
        String mod = parts.length > 1 ? modifier(parts[1]) : "";
        String name = switch (f) {
            case 'A' -> "Up";
            case 'B' -> "Down";
            case 'C' -> "Right";
            case 'D' -> "Left";
            case 'H' -> "Home";
            case 'F' -> "End";
            case 'Z' -> "BackTab";
            case 'P' -> "F1";
            case 'Q' -> "F2";
            case 'R' -> "F3";
            case 'S' -> "F4";
            case '~' -> tilde(parts[0]);
            default -> null;
        };
        if ("paste".equals(name)) return paste();
        return name == null ? null : key(new Key(mod + name));
    }

    private static String tilde(String n) {
        return switch (n) {
            case "1", "7" -> "Home";
            case "2" -> "Insert";
            case "3" -> "Delete";
            case "4", "8" -> "End";
            case "5" -> "PgUp";
            case "6" -> "PgDn";
            case "11" -> "F1";
            case "12" -> "F2";
            case "13" -> "F3";
            case "14" -> "F4";
            case "15" -> "F5";
            case "17" -> "F6";
            case "18" -> "F7";
            case "19" -> "F8";
            case "20" -> "F9";
            case "21" -> "F10";
            case "23" -> "F11";
            case "24" -> "F12";
            case "200" -> "paste";
            default -> null;
        };
    }

    /** xterm modifier parameter: 2 Shift, 3 Alt, 5 Ctrl (others map to the nearest we bind). */
    private static String modifier(String m) {
        return switch (m) {
            case "3", "4" -> "M-";
            case "5", "6", "7", "8" -> "C-";
            default -> "";
        };
    }

    private Msg ss3() throws IOException {
        int f = in.read(ESC_WAIT_MS);
        String name = switch (f) {
            case 'A' -> "Up";
            case 'B' -> "Down";
            case 'C' -> "Right";
            case 'D' -> "Left";
            case 'H' -> "Home";
            case 'F' -> "End";
            case 'P' -> "F1";
            case 'Q' -> "F2";
            case 'R' -> "F3";
            case 'S' -> "F4";
            default -> null;
        };
        return name == null ? null : key(new Key(name));
    }

    /** Reads up to the end-of-paste marker; a paste that never ends stops after a quiet second. */
    private Msg paste() throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read(1000);
            if (c < 0) break;
            if (b.length() < MAX_PASTE + PASTE_END.length()) b.append((char) c);
            if (c == '~' && b.length() >= PASTE_END.length()
                    && b.substring(b.length() - PASTE_END.length()).equals(PASTE_END)) {
                b.setLength(b.length() - PASTE_END.length());
                break;
            }
        }
        if (b.length() > MAX_PASTE) b.setLength(MAX_PASTE);
        return new Msg.Pasted(b.toString());
    }

    private static Msg key(Key k) {
        return new Msg.KeyPressed(k);
    }
}

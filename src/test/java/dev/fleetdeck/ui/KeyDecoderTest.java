package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.NonBlocking;
import org.junit.jupiter.api.Test;

class KeyDecoderTest {

    private static List<String> decode(String input) throws Exception {
        KeyDecoder d = new KeyDecoder(NonBlocking.nonBlocking("test", new StringReader(input)));
        List<String> out = new ArrayList<>();
        for (Msg m; (m = d.next()) != null; ) {
            out.add(m instanceof Msg.KeyPressed k ? k.key().name() : "paste:" + ((Msg.Pasted) m).text());
        }
        return out;
    }

    @Test
    void keysAndSequences() throws Exception {
        assertEquals(List.of("a", "Space", "Enter", "Tab", "Backspace", "C-c", "C-z", "C-r"),
                decode("a \r\t\u007f\u0003\u001a\u0012"));
        assertEquals(List.of("Up", "Down", "Right", "Left", "Home", "End", "Up", "PgUp", "PgDn", "Delete", "BackTab", "F1", "F5"),
                decode("\u001b[A\u001b[B\u001b[C\u001b[D\u001b[H\u001b[F\u001bOA\u001b[5~\u001b[6~\u001b[3~\u001b[Z\u001bOP\u001b[15~"));
        assertEquals(List.of("M-x", "M-Up", "C-Up", "Esc"), decode("\u001bx\u001b[1;3A\u001b[1;5A\u001b"));
        assertEquals(List.of("a"), decode("\u001b[?99zа".substring(0, 6) + "a"), "unknown sequences are dropped whole");
    }

    @Test
    void bracketedPasteArrivesAsOneMessage() throws Exception {
        assertEquals(List.of("x", "paste:exec a -- reboot\rexec b -- reboot", "y"),
                decode("x\u001b[200~exec a -- reboot\rexec b -- reboot\u001b[201~y"));
    }
}

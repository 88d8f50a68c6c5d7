package dev.fleetdeck.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * Lanterna's ANSI output over a JLine terminal's output stream. JLine owns the TTY; this class only renders.
 * Its size comes from JLine (the kernel's ioctl), never from Lanterna's cursor-position query, which waits up to
 * 5 s for a reply that may never come over ssh. Input is not read here (the stream is empty): {@link KeyDecoder}
 * reads JLine's reader.
 */
final class JLineScreenTerminal extends ANSITerminal {

    private final Terminal jline;

    JLineScreenTerminal(Terminal jline) {
        super(InputStream.nullInputStream(), jline.output(), StandardCharsets.UTF_8);
        this.jline = jline;
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size(jline);
    }

    /** Called on SIGWINCH: tells Lanterna's screen to resize its buffers before the next frame. */
    void resized() {
        onResized(size(jline));
    }

    static TerminalSize size(Terminal t) {
        Size s = t.getSize();
        int cols = s.getColumns() > 0 ? s.getColumns() : 80;
        int rows = s.getRows() > 0 ? s.getRows() : 24;
        return new TerminalSize(cols, rows);
    }
}

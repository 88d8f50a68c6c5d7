package dev.fleetdeck.ui;

import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The one owner of the TTY: a JLine system terminal in raw mode without ISIG (so Ctrl-C and Ctrl-Z arrive as keys
 * and the console decides what they do), bracketed paste on, the alternate screen via Lanterna. {@link #restore}
 * undoes all of it and is safe to call twice, from a finally block, a shutdown hook (SIGTERM, SIGHUP) or before a
 * suspend.
 */
final class TerminalOwner implements AutoCloseable {

    private static final String PASTE_ON = "\u001b[?2004h";
    private static final String PASTE_OFF = "\u001b[?2004l";

    final Terminal terminal;
    final JLineScreenTerminal lanterna;
    final TerminalScreen screen;
    private final Attributes original;
    private final AtomicBoolean active = new AtomicBoolean();
    private final Thread hook;

    TerminalOwner() throws IOException {
        terminal = TerminalBuilder.builder().system(true).jansi(false).jna(false).dumb(false)
                .nativeSignals(true).build();
        original = terminal.getAttributes();
        lanterna = new JLineScreenTerminal(terminal);
        screen = new TerminalScreen(lanterna);
        hook = new Thread(this::restore, "fleetdeck-terminal-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        enter();
    }

    /** Raw mode, paste markers, alternate screen. */
    void enter() throws IOException {
        terminal.enterRawMode();
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        raw.setInputFlag(Attributes.InputFlag.IXON, false); // Ctrl-S/Ctrl-Q reach us instead of freezing output
        terminal.setAttributes(raw);
        write(PASTE_ON);
        screen.startScreen();
        active.set(true);
    }

    /** Leaves the alternate screen and gives the shell its terminal modes back. Idempotent. */
    void restore() {
        if (!active.compareAndSet(true, false)) return;
        try {
            screen.stopScreen(); // exits the alternate screen and shows the cursor
        } catch (IOException | RuntimeException e) {
            // the terminal may be gone (hangup); still try to reset modes below
        }
        write(PASTE_OFF + "\u001b[?25h\u001b[0m");
        try {
            terminal.setAttributes(original);
        } catch (RuntimeException e) {
            // nothing more we can do for a vanished terminal
        }
    }

    /** Ctrl-Z: restores the shell's terminal, stops this process like SIGTSTP would, and takes over again on fg. */
    void suspend() {
        restore();
        try {
            new ProcessBuilder("kill", "-TSTP", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
            enter();
        } catch (IOException e) {
            throw new IllegalStateException("cannot resume the terminal: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(String s) {
        PrintWriter w = terminal.writer();
        w.print(s);
        w.flush();
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs restore(), which is now a no-op
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // closing a terminal we already restored cannot leave it in a worse state
        }
    }
}

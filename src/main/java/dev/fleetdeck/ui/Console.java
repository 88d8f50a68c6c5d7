package dev.fleetdeck.ui;

import dev.fleetdeck.json.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import org.jline.terminal.Terminal;

/**
 * The full-screen console. {@code fleetdeck} with no subcommand calls {@link #open}; it returns when the operator
 * quits, with the terminal restored whatever happened (normal exit, exception, SIGTERM/SIGHUP via a shutdown
 * hook).
 */
public final class Console {

    private Console() {
    }

    /** Runs the console on the process's terminal. Returns 0 on quit, 2 on a config error or no terminal. */
    public static int open(ConsoleConfig cfg) {
        return open(cfg, System.err);
    }

    static int open(ConsoleConfig cfg, PrintStream err) {
        if (System.console() == null) {
            err.println("fleetdeck: the console needs a terminal; use a subcommand (hosts, exec, run …) in scripts");
            return 2;
        }
        Inbox inbox = new Inbox();
        ConsoleSession session;
        TerminalOwner owner;
        try {
            // the terminal is taken only after the config is known good, so errors print on a normal screen
            SuspendRelay relay = new SuspendRelay();
            session = new ConsoleSession(cfg, inbox::post, relay, Clock.systemUTC());
            if (cfg.asker() != null) cfg.asker().attach(inbox::post);
            owner = new TerminalOwner();
            relay.owner = owner;
        } catch (ConfigException e) {
            err.println("fleetdeck: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("fleetdeck: cannot open the terminal: " + e.getMessage());
            return 2;
        }
        try (owner) {
            owner.terminal.handle(Terminal.Signal.WINCH, s -> {
                owner.lanterna.resized();
                var size = JLineScreenTerminal.size(owner.terminal);
                inbox.post(new Msg.Resized(size.getColumns(), size.getRows()));
            });
            var size = JLineScreenTerminal.size(owner.terminal);
            session.apply(new Msg.Resized(size.getColumns(), size.getRows()));
            Thread input = new Thread(() -> readKeys(owner, inbox), "fleetdeck-keys");
            input.setDaemon(true);
            input.start();
            cfg.actions().probe(s -> inbox.post(new Msg.HostUpdate(s)));
            new ConsoleLoop(session, inbox, owner.screen).run();
            return 0;
        } catch (IOException | RuntimeException e) {
            owner.restore();
            err.println("fleetdeck: console failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (cfg.asker() != null) cfg.asker().detach();
        }
    }

    private static void readKeys(TerminalOwner owner, Inbox inbox) {
        KeyDecoder decoder = new KeyDecoder(owner.terminal.reader());
        try {
            for (Msg m; (m = decoder.next()) != null; ) inbox.post(m);
        } catch (IOException e) {
            // the terminal went away (hangup): quitting is all that is left
        }
        inbox.post(new Msg.KeyPressed(Key.ctrl('c')));
    }

    /** Lets Update ask for a suspend before the terminal owner exists. */
    private static final class SuspendRelay implements Update.Effects {
        volatile TerminalOwner owner;

        @Override
        public void suspend() {
            if (owner != null) owner.suspend();
        }
    }
}

package dev.fleetdeck.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.fleetdeck.fleet.DeployEngine;
import dev.fleetdeck.fleet.Fleet;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.fleet.TransportKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The console on Lanterna's virtual terminal: send keys and messages, read the screen as text. */
final class VirtualConsole {

    static final Fleet FLEET = new Fleet(Path.of("fleet.json"), List.of(
            host("cortex", "gpu", "servers"), host("orion", "desktop"), host("frigate", "servers")));
    static final Map<String, List<String>> SELECTIONS = Map.of("@servers", List.of("cortex", "frigate"),
            "all", List.of("cortex", "orion", "frigate"));

    final DefaultVirtualTerminal term;
    final TerminalScreen screen;
    final ConsoleSession session;
    final FakeActions actions;
    final ConcurrentLinkedQueue<Msg> inbox = new ConcurrentLinkedQueue<>();

    VirtualConsole(int cols, int rows) throws Exception {
        this(cols, rows, c -> c);
    }

    VirtualConsole(int cols, int rows, java.util.function.UnaryOperator<ConsoleConfig> tweak) throws Exception {
        actions = new FakeActions(SELECTIONS);
        ConsoleConfig cfg = tweak.apply(new ConsoleConfig(FLEET, "fleet.json", actions,
                Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor"), null, null, null, 1000, null, null, null)
                .withIo(Runnable::run)); // background work runs inline, so tests see its results at once
        term = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new TerminalScreen(term);
        screen.startScreen();
        session = new ConsoleSession(cfg, inbox::add, Update.Effects.NONE,
                Clock.fixed(Instant.parse("2025-01-01T00:00:03Z"), ZoneOffset.UTC));
        session.apply(new Msg.Resized(cols, rows));
    }

    static Host host(String name, String... tags) {
        return new Host(name, "127.0.0.1", 22, "root", List.of(tags), TransportKind.SSHJ, DeployEngine.NIXOS_REBUILD,
                List.of(), null, List.of(), null, Duration.ofSeconds(90));
    }

    ConsoleModel model() {
        return session.model();
    }

    VirtualConsole keys(String... keys) {
        for (String k : keys) {
            session.apply(new Msg.KeyPressed(Key.parse(k)));
            drain();
        }
        return this;
    }

    VirtualConsole type(String text) {
        for (char c : text.toCharArray()) session.apply(new Msg.KeyPressed(Key.of(c)));
        drain();
        return this;
    }

    /** Types a prompt command and presses Enter. */
    VirtualConsole command(String line) {
        keys(":");
        type(line);
        return keys("Enter");
    }

    void drain() {
        for (Msg m; (m = inbox.poll()) != null; ) session.apply(m);
    }

    void resize(int cols, int rows) {
        term.setTerminalSize(new TerminalSize(cols, rows));
        screen.doResizeIfNecessary();
        session.apply(new Msg.Resized(cols, rows));
    }

    String render() throws IOException {
        drain();
        screen.doResizeIfNecessary();
        session.draw(screen);
        screen.refresh();
        StringBuilder b = new StringBuilder();
        TerminalSize size = term.getTerminalSize();
        for (int y = 0; y < size.getRows(); y++) b.append(row(y)).append('\n');
        return b.toString();
    }

    String row(int y) {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < term.getTerminalSize().getColumns(); x++) {
            TextCharacter c = term.getCharacter(new TerminalPosition(x, y));
            b.append(c == null ? " " : c.getCharacterString());
        }
        return b.toString();
    }

    TextCharacter cell(int x, int y) {
        return term.getCharacter(new TerminalPosition(x, y));
    }

    /** The first (x, y) where {@code text} appears on screen, or null. */
    int[] find(String text) throws IOException {
        String[] lines = render().split("\n");
        for (int y = 0; y < lines.length; y++) {
            int x = lines[y].indexOf(text);
            if (x >= 0) return new int[]{x, y};
        }
        return null;
    }
}

package dev.fleetdeck.ui;

import com.googlecode.lanterna.screen.Screen;
import dev.fleetdeck.json.ConfigException;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The console without a terminal: model, update and renderer wired from a config. The real console drives it
 * from a JLine terminal; tests drive it with messages and a Lanterna virtual terminal.
 */
public final class ConsoleSession {

    private final ConsoleModel model;
    private final Update update;
    private final Renderer renderer;

    /** @param post where work started by the console sends its messages back (the UI thread's inbox) */
    public ConsoleSession(ConsoleConfig cfg, Consumer<Msg> post, Update.Effects effects, Clock clock)
            throws ConfigException {
        KeymapLoader keymaps = new KeymapLoader(cfg.configDir() == null ? null : cfg.configDir().resolve("keymaps"));
        ThemeLoader themes = new ThemeLoader(cfg.configDir() == null ? null : cfg.configDir().resolve("themes"));
        ColorDepth depth;
        try {
            depth = ColorDepth.detect(cfg.env(), cfg.colors());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        String themeName = cfg.theme() != null ? cfg.theme() : depth == ColorDepth.MONO ? "mono" : "dark";
        Theme theme = themes.load(themeName);
        Keymap keymap = keymaps.load(cfg.keymap() != null ? cfg.keymap() : "default");
        model = new ConsoleModel(cfg.fleet(), cfg.fleetLabel(), theme, keymap, depth, cfg.paneCapacity());
        PromptHistory history = new PromptHistory(cfg.historyFile());
        PromptCompleter completer = new PromptCompleter(new PromptCompleter.Sources(model::hostNames, model::tags,
                cfg.actions()::taskIds, cfg.actions()::taskParams, themes::names, keymaps::names,
                model::runIds));
        Executor io = cfg.io() != null ? cfg.io() : backgroundThread();
        update = new Update(model, cfg.actions(), post, history, completer, keymaps, themes, effects, io, cfg.todoFile());
        update.refreshPastRuns();
        renderer = new Renderer(clock);
    }

    /** One daemon thread, so disk work is done in order and never holds up the UI or the JVM's exit. */
    private static Executor backgroundThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fleetdeck-console-io");
            t.setDaemon(true);
            return t;
        });
    }

    public ConsoleModel model() {
        return model;
    }

    public void apply(Msg msg) {
        update.apply(msg);
    }

    /** Draws a frame into the screen's back buffer (the caller refreshes the screen). */
    public void draw(Screen screen) {
        model.frame++;
        renderer.draw(model, screen);
    }
}

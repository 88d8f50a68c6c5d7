package dev.fleetdeck.ui;

import dev.fleetdeck.fleet.Fleet;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What {@link Console#open} needs.
 *
 * @param fleetLabel   shown in the status bar (e.g. the fleet file's name)
 * @param env          the process environment (NO_COLOR, COLORTERM, TERM, XDG_*)
 * @param colors       the {@code --colors} override (mono, 16, 256, truecolor) or null to detect
 * @param theme        theme name, or null: mono under NO_COLOR, else dark
 * @param keymap       keymap name, or null for default
 * @param paneCapacity lines kept per output pane
 * @param historyFile  prompt history file, or null for none
 * @param configDir    {@code $XDG_CONFIG_HOME/fleetdeck} (user keymaps/ and themes/), or null
 * @param asker        where host-key and manual-step questions are shown (also given to SshSettings), or null
 * @param todoFile     the TODO checklist the TODO view shows ({@code --todo}); default ./TODO-CHECKLIST.md
 * @param io           runs the console's disk work (history reads, TODO reads and writes) off the UI thread, one
 *                     task at a time; null for a daemon thread of its own (tests pass a direct executor)
 */
public record ConsoleConfig(Fleet fleet, String fleetLabel, Actions actions, Map<String, String> env, String colors,
                            String theme, String keymap, int paneCapacity, Path historyFile, Path configDir,
                            ConsoleAsk asker, Path todoFile, Executor io) {

    public static final int DEFAULT_PANE_CAPACITY = 100_000;
    public static final Path DEFAULT_TODO_FILE = Path.of("TODO-CHECKLIST.md");

    public ConsoleConfig(Fleet fleet, String fleetLabel, Actions actions, Map<String, String> env, String colors,
                         String theme, String keymap, int paneCapacity, Path historyFile, Path configDir,
                         ConsoleAsk asker) {
        this(fleet, fleetLabel, actions, env, colors, theme, keymap, paneCapacity, historyFile, configDir, asker,
                DEFAULT_TODO_FILE, null);
    }

    public ConsoleConfig {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(actions, "actions");
        env = Map.copyOf(env);
        if (paneCapacity < 1) throw new IllegalArgumentException("paneCapacity must be at least 1");
        if (todoFile == null) todoFile = DEFAULT_TODO_FILE;
    }

    /** XDG locations from {@code env}: history in $XDG_STATE_HOME/fleetdeck/history, config in $XDG_CONFIG_HOME/fleetdeck. */
    public static ConsoleConfig of(Fleet fleet, String fleetLabel, Actions actions, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path state = xdg(env, "XDG_STATE_HOME", home.resolve(".local/state"));
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        return new ConsoleConfig(fleet, fleetLabel, actions, env, null, null, null, DEFAULT_PANE_CAPACITY,
                state.resolve("fleetdeck/history"), config.resolve("fleetdeck"), null);
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() || !v.startsWith("/") ? fallback : Path.of(v);
    }

    public ConsoleConfig withAsker(ConsoleAsk a) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, theme, keymap, paneCapacity, historyFile, configDir, a, todoFile, io);
    }

    public ConsoleConfig withColors(String c) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, c, theme, keymap, paneCapacity, historyFile, configDir, asker, todoFile, io);
    }

    public ConsoleConfig withTheme(String t) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, t, keymap, paneCapacity, historyFile, configDir, asker, todoFile, io);
    }

    public ConsoleConfig withKeymap(String k) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, theme, k, paneCapacity, historyFile, configDir, asker, todoFile, io);
    }

    public ConsoleConfig withPaneCapacity(int n) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, theme, keymap, n, historyFile, configDir, asker, todoFile, io);
    }

    public ConsoleConfig withHistoryFile(Path f) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, theme, keymap, paneCapacity, f, configDir, asker, todoFile, io);
    }

    public ConsoleConfig withConfigDir(Path d) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, theme, keymap, paneCapacity, historyFile, d, asker, todoFile, io);
    }

    public ConsoleConfig withTodoFile(Path f) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, theme, keymap, paneCapacity, historyFile, configDir, asker, f, io);
    }

    public ConsoleConfig withIo(Executor e) {
        return new ConsoleConfig(fleet, fleetLabel, actions, env, colors, theme, keymap, paneCapacity, historyFile, configDir, asker, todoFile, e);
    }
}

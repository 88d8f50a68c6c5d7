package dev.fleetdeck.ui;

import dev.fleetdeck.fleet.Fleet;
import dev.fleetdeck.fleet.Host;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the screen shows. Mutable, but confined to the UI thread: other threads only send {@link Msg}s, so
 * there are no locks and a frame is always drawn from a consistent state. Output buffers are bounded, so the model
 * stays small however long the console runs.
 */
public final class ConsoleModel {

    /** Most finished runs kept in memory (each holds up to paneCapacity lines per host). */
    static final int KEPT_RUNS = 20;

    final Fleet fleet;
    final String fleetLabel;
    final int paneCapacity;
    final Map<String, HostStatus> hosts = new LinkedHashMap<>();
    final Set<String> selected = new LinkedHashSet<>();
    int hostCursor;
    final Map<String, RunState> runs = new LinkedHashMap<>();
    final Map<String, Actions.Running> running = new LinkedHashMap<>();
    String shownRun;
    int paneIndex;
    final OutputPane commandLog;
    boolean commandLogShown;
    boolean todoShown;
    final TodoView todo = new TodoView();
    /** Ids of recent recorded runs (all sessions), newest first, refreshed off the UI thread for completion. */
    List<String> pastRunIds = List.of();
    Overlay overlay;
    final Deque<Dialog> dialogs = new ArrayDeque<>();
    Focus focus = Focus.MAIN;
    final PromptState prompt = new PromptState();
    String notice;
    boolean noticeIsError;
    Theme theme;
    Keymap keymap;
    ColorDepth depth;
    int columns = 80, rows = 24;
    long frame;
    boolean quit;
    /** Set when the next frame must repaint every cell (after Ctrl-L, resume, resize). */
    boolean fullRedraw;

    public ConsoleModel(Fleet fleet, String fleetLabel, Theme theme, Keymap keymap, ColorDepth depth, int paneCapacity) {
        this.fleet = fleet;
        this.fleetLabel = fleetLabel;
        this.theme = theme;
        this.keymap = keymap;
        this.depth = depth;
        this.paneCapacity = paneCapacity;
        this.commandLog = new OutputPane("commands", paneCapacity);
        for (Host h : fleet.hosts()) {
            hosts.put(h.name(), new HostStatus(h.name(), h.tags(), HostStatus.State.UNKNOWN, ""));
        }
    }

    public RunState shown() {
        return shownRun == null ? null : runs.get(shownRun);
    }

    /** The output pane keys act on: the command log when shown, else the active host pane of the shown run. */
    public OutputPane activePane() {
        if (commandLogShown) return commandLog;
        RunState r = shown();
        if (r == null || r.hosts().isEmpty()) return null;
        List<OutputPane> panes = r.panes();
        return panes.get(Math.floorMod(paneIndex, panes.size()));
    }

    /** Run ids {@code show} completes: this session's, newest first, then recorded ones. */
    public List<String> runIds() {
        Set<String> ids = new LinkedHashSet<>();
        List<String> session = new ArrayList<>(runs.keySet());
        java.util.Collections.reverse(session);
        ids.addAll(session);
        ids.addAll(pastRunIds);
        return new ArrayList<>(ids);
    }

    public int runningCount() {
        return running.size();
    }

    public List<String> hostNames() {
        return new ArrayList<>(hosts.keySet());
    }

    public List<String> tags() {
        Set<String> t = new LinkedHashSet<>();
        hosts.values().forEach(h -> t.addAll(h.tags()));
        return new ArrayList<>(t);
    }

    public String cursorHost() {
        List<String> names = hostNames();
        return names.isEmpty() ? null : names.get(Math.max(0, Math.min(hostCursor, names.size() - 1)));
    }

    /** What commands act on when the prompt names no hosts: the ticked hosts, else the host under the cursor. */
    public String selectionExpression() {
        if (!selected.isEmpty()) return String.join(",", selected);
        String c = cursorHost();
        return c == null ? "all" : c;
    }

    public Theme theme() {
        return theme;
    }

    public Keymap keymap() {
        return keymap;
    }

    public Focus focus() {
        return focus;
    }

    public String notice() {
        return notice;
    }

    public boolean quitting() {
        return quit;
    }

    public Dialog dialog() {
        return dialogs.peek();
    }

    public Overlay overlay() {
        return overlay;
    }

    public PromptState prompt() {
        return prompt;
    }

    void info(String text) {
        notice = text;
        noticeIsError = false;
    }

    void error(String text) {
        notice = text;
        noticeIsError = true;
    }

    /** Forgets the oldest finished runs beyond {@link #KEPT_RUNS}, so memory stays flat. */
    void trimRuns() {
        var it = runs.entrySet().iterator();
        int excess = runs.size() - KEPT_RUNS;
        while (excess > 0 && it.hasNext()) {
            var e = it.next();
            if (e.getValue().finished() && !e.getKey().equals(shownRun)) {
                it.remove();
                excess--;
            }
        }
    }
}

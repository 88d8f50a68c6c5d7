package dev.fleetdeck.ui;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.fleet.Selection;
import dev.fleetdeck.fleet.SelectionException;
import dev.fleetdeck.history.RunSummary;
import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.task.RunListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The prompt's commands. Every failure becomes an inline error; work on more than one host is confirmed first,
 * because a typo in a selection must not deploy to the whole fleet.
 */
final class Commands {

    static final List<String> HELP = List.of(
            "run TASK SEL [k=v…]   run a checklist task on hosts (SEL: name, glob, @tag, all, a,b,-c)",
            "exec SEL -- CMD       run a shell command on hosts",
            "hosts                 re-check every host's reachability",
            "history [HOST]        recorded runs, this session's and earlier ones (of one host)",
            "show RUN              show a run's checklist and output (id or unique prefix; Tab completes)",
            "todo                  show or hide the TODO view",
            "todo check ITEM       tick a TODO item (its number or words of its text); uncheck unticks",
            "theme NAME            switch theme (dark, light, high-contrast, mono, or yours)",
            "keymap NAME           switch keymap (default, vim, emacs, or yours)",
            "help                  this page; ? shows the keys",
            "quit                  leave (asks while work runs)");

    static final int HISTORY_LIMIT = 200;
    static final int COMPLETION_LIMIT = 20;

    private final ConsoleModel m;
    private final Actions actions;
    private final RunListener toInbox;
    private final java.util.function.Consumer<Msg> post;
    private final KeymapLoader keymaps;
    private final ThemeLoader themes;
    private final PromptCompleter words;
    private final Executor io;
    private final TodoControl todo;

    Commands(ConsoleModel m, Actions actions, java.util.function.Consumer<Msg> post, KeymapLoader keymaps,
             ThemeLoader themes, Executor io, TodoControl todo) {
        this.io = io;
        this.todo = todo;
        this.m = m;
        this.actions = actions;
        this.post = post;
        this.toInbox = e -> post.accept(new Msg.Run(e));
        this.keymaps = keymaps;
        this.themes = themes;
        this.words = new PromptCompleter(null);
    }

    void execute(String line) {
        List<String> w;
        try {
            w = words.words(line);
        } catch (RuntimeException e) {
            m.error("cannot parse: " + e.getMessage());
            return;
        }
        w = w.stream().filter(s -> !s.isEmpty()).toList();
        if (w.isEmpty()) return;
        String cmd = w.get(0);
        switch (cmd) {
            case "run" -> run(w);
            case "exec" -> exec(line, w);
            case "deploy" -> deploy(w);
            case "hosts" -> hosts();
            case "history" -> history(w.size() > 1 ? w.get(1) : null);
            case "show" -> show(w);
            case "todo" -> todo.command(w);
            case "theme" -> theme(w);
            case "keymap" -> keymap(w);
            case "help", "?" -> m.overlay = new Overlay("Commands (any key closes)", HELP, 0);
            case "quit", "q", "exit" -> quit();
            default -> m.error("unknown command \"" + cmd + "\"; commands: " + String.join(", ", PromptCompleter.COMMANDS));
        }
    }

    private void run(List<String> w) {
        if (w.size() < 2) {
            m.error("usage: run TASK SEL [k=v…]");
            return;
        }
        String task = w.get(1);
        boolean named = w.size() > 2 && !w.get(2).contains("=");
        String sel = named ? w.get(2) : m.selectionExpression();
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : w.subList(named ? 3 : 2, w.size())) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                m.error("parameter \"" + p + "\" is not k=v");
                return;
            }
            params.put(p.substring(0, eq), p.substring(eq + 1));
        }
        confirmed("run " + task, sel, () -> actions.runTask(task, sel, params, toInbox));
    }

    private void exec(String line, List<String> w) {
        int dashes = line.indexOf(" -- ");
        if (w.size() < 2 || dashes < 0 || line.substring(dashes + 4).isBlank()) {
            m.error("usage: exec SEL -- CMD");
            return;
        }
        String sel = w.get(1).equals("--") ? m.selectionExpression() : w.get(1);
        String command = line.substring(dashes + 4).strip();
        confirmed("exec " + command, sel, () -> actions.exec(sel, command, toInbox));
    }

    private static final List<String> GOALS = List.of("switch", "test", "boot", "dry-activate");

    /** {@code deploy SEL [GOAL]}: always confirmed, listing hosts and goal, even for one host. */
    private void deploy(List<String> w) {
        if (w.size() < 2 || w.size() > 3 || (w.size() == 3 && !GOALS.contains(w.get(2)))) {
            m.error("usage: deploy SEL [switch|test|boot|dry-activate]");
            return;
        }
        String sel = w.get(1);
        String goal = w.size() == 3 ? w.get(2) : "switch";
        confirmed("deploy (" + goal + ")", sel, true, () -> actions.deploy(sel, goal, toInbox));
    }

    /** Something that starts work. */
    private interface Start {
        Actions.Running start() throws Actions.ActionException;
    }

    private void confirmed(String what, String sel, Start start) {
        confirmed(what, sel, false, start);
    }

    private void confirmed(String what, String sel, boolean always, Start start) {
        List<Host> hosts;
        try {
            hosts = Selection.select(m.fleet, sel);
        } catch (SelectionException e) {
            m.error(e.getMessage());
            return;
        }
        Runnable go = () -> {
            try {
                Actions.Running r = start.start();
                m.running.put(r.runId(), r);
                m.info("started " + r.runId() + ": " + what + " on " + sel);
            } catch (Actions.ActionException e) {
                m.error(e.getMessage());
            }
        };
        if (hosts.size() == 1 && !always) {
            go.run();
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(what);
        lines.add("on " + hosts.size() + " hosts: " + String.join(", ", hosts.stream().map(Host::name).toList()));
        String title = always ? what.substring(0, 1).toUpperCase() + what.substring(1) + " " + hosts.size()
                + (hosts.size() == 1 ? " host?" : " hosts?") : "Run on " + hosts.size() + " hosts?";
        m.dialogs.add(new Dialog(title, lines, yes -> {
            if (yes) go.run();
            else m.info("not started");
        }));
    }

    private void hosts() {
        m.hosts.replaceAll((k, v) -> v.with(HostStatus.State.PROBING, "checking…"));
        actions.probe(st -> post.accept(new Msg.HostUpdate(st)));
        m.info("checking " + m.hosts.size() + " hosts");
    }

    /** The history store is read in the background; the overlay opens when {@link Msg.PastRuns} comes back. */
    private void history(String host) {
        m.info("reading run history…");
        readPastRuns(host, HISTORY_LIMIT, true);
    }

    void refreshPastRuns() {
        readPastRuns(null, COMPLETION_LIMIT, false);
    }

    private void readPastRuns(String host, int limit, boolean list) {
        io.execute(() -> {
            try {
                List<RunSummary> runs = actions.pastRuns(Optional.ofNullable(host), limit);
                if (list || !runs.isEmpty()) post.accept(new Msg.PastRuns(host, runs, list));
            } catch (Actions.ActionException | RuntimeException e) {
                if (list) post.accept(new Msg.PastRuns(host, List.of(), true));
                post.accept(new Msg.Notice(e.getMessage(), true));
            }
        });
    }

    void pastRuns(Msg.PastRuns p) {
        if (p.host() == null) m.pastRunIds = p.runs().stream().map(RunSummary::runId).toList();
        if (!p.list()) return;
        m.notice = null;
        m.overlay = new Overlay("History" + (p.host() == null ? "" : " of " + p.host()) + " (show RUN opens one)",
                HistoryLines.of(m, p.host(), p.runs()), 0);
    }

    /** A run of this session is shown at once; any other is replayed from the history store. */
    private void show(List<String> w) {
        if (w.size() < 2) {
            m.error("usage: show RUN");
            return;
        }
        String id = w.get(1);
        List<String> session = m.runs.keySet().stream().filter(r -> r.startsWith(id)).toList();
        if (m.runs.containsKey(id) || session.size() == 1) {
            m.shownRun = m.runs.containsKey(id) ? id : session.get(0);
            m.paneIndex = 0;
            m.commandLogShown = false;
            m.todoShown = false;
            return;
        }
        m.info("loading " + id + "…");
        io.execute(() -> {
            try {
                actions.replay(id, toInbox);
            } catch (Actions.ActionException | RuntimeException e) {
                post.accept(new Msg.Notice(e.getMessage(), true));
            }
        });
        m.commandLogShown = false;
        m.todoShown = false;
    }

    private void theme(List<String> w) {
        if (w.size() < 2) {
            m.error("usage: theme NAME (" + String.join(", ", themes.names()) + ")");
            return;
        }
        try {
            m.theme = themes.load(w.get(1));
            m.fullRedraw = true;
            m.info("theme " + m.theme.name());
        } catch (ConfigException e) {
            m.error(e.getMessage());
        }
    }

    private void keymap(List<String> w) {
        if (w.size() < 2) {
            m.error("usage: keymap NAME (" + String.join(", ", keymaps.names()) + ")");
            return;
        }
        try {
            m.keymap = keymaps.load(w.get(1));
            m.info("keymap " + m.keymap.name() + "; " + m.keymap.hint(Action.HELP) + " shows its keys");
        } catch (ConfigException e) {
            m.error(e.getMessage());
        }
    }

    /** Quits at once when idle; with work running, asks, and cancels that work on yes. */
    void quit() {
        if (m.runningCount() == 0) {
            m.quit = true;
            return;
        }
        m.dialogs.add(new Dialog("Quit while work runs?", List.of(m.runningCount() + " run(s) still running: "
                + String.join(", ", m.running.keySet()), "Quitting cancels them."), yes -> {
            if (yes) {
                m.running.values().forEach(Actions.Running::cancel);
                m.quit = true;
            }
        }));
    }

    void cancelShown() {
        RunState r = m.shown();
        if (r == null || !m.running.containsKey(r.id())) {
            m.error("the shown run is not running");
            return;
        }
        m.dialogs.add(new Dialog("Cancel " + r.id() + "?", List.of(r.taskId() + " on " + String.join(", ", r.hosts())),
                yes -> {
                    if (yes) {
                        Actions.Running h = m.running.get(r.id());
                        if (h != null) h.cancel();
                        m.info("cancelling " + r.id());
                    }
                }));
    }
}

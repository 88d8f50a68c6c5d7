package dev.fleetdeck.ui;

import dev.fleetdeck.task.RunEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The one place the model changes: applies a {@link Msg} on the UI thread. Keys are looked up in the active
 * keymap by context (dialog, prompt, main), so every binding is remappable. Never throws: a bug in handling one
 * message shows as an error line instead of killing the console.
 */
public final class Update {

    /** Things only the terminal owner can do. */
    public interface Effects {
        /** Gives the terminal back to the shell until the operator resumes (Ctrl-Z). */
        void suspend();

        Effects NONE = () -> { };
    }

    private final ConsoleModel m;
    private final Commands commands;
    private final PromptEditor editor;
    private final Effects effects;

    private final TodoControl todo;

    /**
     * @param io       runs disk work (history, the TODO file) off the UI thread
     * @param todoFile the checklist the TODO view shows
     */
    public Update(ConsoleModel model, Actions actions, java.util.function.Consumer<Msg> post, PromptHistory history,
                  PromptCompleter completer, KeymapLoader keymaps, ThemeLoader themes, Effects effects,
                  Executor io, Path todoFile) {
        this.m = model;
        this.effects = effects;
        this.todo = new TodoControl(model, new TodoWatcher(todoFile, post), io);
        this.commands = new Commands(model, actions, post, keymaps, themes, io, todo);
        this.editor = new PromptEditor(model, history, completer, commands);
    }

    public void apply(Msg msg) {
        try {
            if (msg instanceof Msg.KeyPressed k) key(k.key());
            else if (msg instanceof Msg.Pasted p) editor.paste(p.text());
            else if (msg instanceof Msg.Run r) run(r.event());
            else if (msg instanceof Msg.HostUpdate h) m.hosts.put(h.status().name(), h.status());
            else if (msg instanceof Msg.Resized r) {
                m.columns = r.columns();
                m.rows = r.rows();
                m.fullRedraw = true;
            } else if (msg instanceof Msg.Ask a) m.dialogs.add(a.dialog());
            else if (msg instanceof Msg.Tick) todo.tick();
            else if (msg instanceof Msg.Notice n) notice(n.text(), n.error());
            else if (msg instanceof Msg.PastRuns p) commands.pastRuns(p);
            else if (msg instanceof Msg.TodoRead t) todo.read(t.snapshot());
        } catch (RuntimeException e) {
            m.error("internal error: " + e); // keep running: the operator may have work in flight
        }
    }

    /** Reads the recent recorded runs in the background, for {@code show} completion. */
    void refreshPastRuns() {
        commands.refreshPastRuns();
    }

    private void notice(String text, boolean error) {
        if (error) m.error(text);
        else m.info(text);
    }

    private void key(Key key) {
        Keymap km = m.keymap;
        Dialog d = m.dialogs.peek();
        if (d != null) {
            Optional<Action> a = km.lookup(Action.Context.DIALOG, key);
            if (a.isPresent()) {
                m.dialogs.poll();
                d.answer().accept(a.get() == Action.CONFIRM);
            }
            return;
        }
        if (m.focus == Focus.PROMPT) {
            editor.key(key);
            return;
        }
        if (m.overlay != null) {
            Optional<Action> a = km.lookup(Action.Context.MAIN, key);
            if (a.isPresent() && (a.get() == Action.HOST_DOWN || a.get() == Action.SCROLL_DOWN)) {
                m.overlay = m.overlay.scrolled(1);
            } else if (a.isPresent() && (a.get() == Action.HOST_UP || a.get() == Action.SCROLL_UP)) {
                m.overlay = m.overlay.scrolled(-1);
            } else if (a.isPresent() && a.get() == Action.PAGE_DOWN) {
                m.overlay = m.overlay.scrolled(Math.max(1, m.rows - 6));
            } else if (a.isPresent() && a.get() == Action.PAGE_UP) {
                m.overlay = m.overlay.scrolled(-Math.max(1, m.rows - 6));
            } else if (a.isPresent() && a.get() == Action.INTERRUPT) {
                m.overlay = null;
                main(Action.INTERRUPT);
            } else {
                m.overlay = null;
            }
            return;
        }
        if (m.todoShown) { // the TODO view's keys win over the main view's while it is shown
            Optional<Action> t = km.lookup(Action.Context.TODO, key);
            if (t.isPresent() && todo.key(t.get())) return;
        }
        Optional<Action> a = km.lookup(Action.Context.MAIN, key);
        if (a.isPresent()) main(a.get());
        else if (key.typed() != 0 && key.typed() != ' ') m.info("key " + key.name() + " does nothing here; " + km.hint(Action.HELP) + " lists the keys");
    }

    private void main(Action a) {
        int page = Math.max(1, m.rows - 8);
        OutputPane pane = m.activePane();
        switch (a) {
            case QUIT -> commands.quit();
            case INTERRUPT -> {
                if (m.runningCount() > 0) commands.quit();
                else m.quit = true;
            }
            case FOCUS_PROMPT -> editor.open(PromptState.Mode.COMMAND);
            case SEARCH -> {
                if (pane == null) m.error("no output to search");
                else editor.open(PromptState.Mode.SEARCH);
            }
            case HELP -> m.overlay = new Overlay("Keys: " + m.keymap.name() + " keymap (any key closes)",
                    m.keymap.helpLines(), 0);
            case TOGGLE_TODO -> todo.toggleShown();
            case TOGGLE_COMMAND_LOG -> m.commandLogShown = !m.commandLogShown;
            case HOST_UP -> m.hostCursor = Math.max(0, m.hostCursor - 1);
            case HOST_DOWN -> m.hostCursor = Math.min(Math.max(0, m.hosts.size() - 1), m.hostCursor + 1);
            case TOGGLE_HOST -> {
                String h = m.cursorHost();
                if (h != null && !m.selected.remove(h)) m.selected.add(h);
            }
            case NEXT_PANE -> m.paneIndex++;
            case PREV_PANE -> m.paneIndex--;
            case NEXT_RUN -> stepRun(1);
            case PREV_RUN -> stepRun(-1);
            case SCROLL_UP -> scroll(pane, -1, page);
            case SCROLL_DOWN -> scroll(pane, 1, page);
            case PAGE_UP -> scroll(pane, -page, page);
            case PAGE_DOWN -> scroll(pane, page, page);
            case SCROLL_TOP -> {
                if (pane != null) pane.home();
            }
            case SCROLL_BOTTOM -> {
                if (pane != null) pane.end();
            }
            case TOGGLE_FOLLOW -> {
                if (pane != null) pane.toggleFollow();
            }
            case TOGGLE_WRAP -> {
                if (pane != null) pane.toggleWrap();
            }
            case SEARCH_NEXT, SEARCH_PREV -> {
                if (pane == null || pane.search() == null) m.error("no search; " + m.keymap.hint(Action.SEARCH) + " starts one");
                else if (!pane.next(a == Action.SEARCH_NEXT ? 1 : -1, page)) m.error("not found: " + pane.search());
            }
            case CANCEL_RUN -> commands.cancelShown();
            case REDRAW -> m.fullRedraw = true;
            case SUSPEND -> {
                effects.suspend();
                m.fullRedraw = true;
            }
            default -> { }
        }
    }

    private static void scroll(OutputPane pane, int delta, int page) {
        if (pane != null) pane.scroll(delta, page);
    }

    private void stepRun(int dir) {
        List<String> ids = List.copyOf(m.runs.keySet());
        if (ids.isEmpty()) return;
        int i = m.shownRun == null ? ids.size() - 1 : ids.indexOf(m.shownRun);
        m.shownRun = ids.get(Math.floorMod(i + dir, ids.size()));
        m.paneIndex = 0;
    }

    private void run(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            m.runs.put(s.runId(), new RunState(s, m.paneCapacity));
            m.shownRun = s.runId();
            m.paneIndex = 0;
            m.trimRuns();
            return;
        }
        RunState r = m.runs.get(e.runId());
        if (r == null) return;
        String command = r.apply(e);
        if (command != null && e instanceof RunEvent.StepStarted s) {
            m.commandLog.append("[" + r.id() + "] " + s.host() + " " + s.where() + "$ " + command);
        }
        if (e instanceof RunEvent.RunFinished f) {
            m.running.remove(f.runId());
            m.info(r.id() + " " + r.taskId() + (f.cancelled() ? " cancelled" : f.passed() ? " passed" : " FAILED"));
            m.noticeIsError = !f.passed();
            commands.refreshPastRuns();
        }
    }
}

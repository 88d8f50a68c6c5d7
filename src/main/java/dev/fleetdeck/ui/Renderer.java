package dev.fleetdeck.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.screen.Screen;
import dev.fleetdeck.task.RunEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a frame of the model into a Lanterna {@link Screen} back buffer; the screen then sends only the cells
 * that changed. Reads the model, never changes it, never throws on any size.
 */
public final class Renderer {

    private final Clock clock;

    public Renderer(Clock clock) {
        this.clock = clock;
    }

    public void draw(ConsoleModel m, Screen screen) {
        int cols = screen.getTerminalSize().getColumns(), rows = screen.getTerminalSize().getRows();
        Canvas c = new Canvas(screen, m.depth, cols, rows);
        Theme t = m.theme;
        c.fill(new Rect(0, 0, cols, rows), t.style(Element.BACKGROUND));
        RunState run = m.shown();
        int paneCount = m.commandLogShown || run == null ? 1 : Math.max(1, run.hosts().size());
        int checklistRows = run == null || m.commandLogShown ? 0 : run.steps().size() + (run.hosts().size() > 1 ? 2 : 1);
        Layout l = Layout.compute(cols, rows, m.hosts.size(), checklistRows, paneCount);
        screen.setCursorPosition(null);
        if (l.tooSmall()) {
            String msg = "terminal too small (" + cols + "x" + rows + "); need " + Layout.MIN_COLUMNS + "x" + Layout.MIN_ROWS;
            for (int i = 0; i * Math.max(1, cols) < msg.length() && i < rows; i++) {
                c.text(0, i, cols, msg.substring(i * Math.max(1, cols)), t.style(Element.ERROR));
            }
            return;
        }
        hosts(c, l.hosts(), m, t);
        if (m.todoShown) {
            todo(c, new Rect(l.checklist().x(), l.checklist().y(), l.checklist().w(),
                    l.checklist().h() + l.panes().get(0).h()), m, t);
        } else {
            if (run != null && !m.commandLogShown) checklist(c, l.checklist(), run, m, t);
            panes(c, l.panes(), m, run, t);
        }
        statusBar(c, l.statusBar(), m, t);
        promptLine(c, l.prompt(), m, t, screen);
        if (m.focus == Focus.PROMPT && !m.prompt.menu.isEmpty()) menu(c, l, m, t);
        if (m.overlay != null) overlay(c, l.body(), m.overlay, t);
        Dialog d = m.dialogs.peek();
        if (d != null) dialog(c, l.body(), d, m, t);
    }

    private void hosts(Canvas c, Rect r, ConsoleModel m, Theme t) {
        String sel = m.selected.isEmpty() ? "" : " · " + m.selected.size() + " ticked";
        c.line(r.x(), r.y(), r.w(), " Hosts " + m.hosts.size() + sel + " ", t.style(Element.TITLE));
        List<HostStatus> list = new ArrayList<>(m.hosts.values());
        int visible = r.h() - 1;
        int first = Math.max(0, Math.min(m.hostCursor - visible + 1, list.size() - visible));
        first = Math.max(0, Math.min(first, m.hostCursor));
        for (int i = 0; i < visible && first + i < list.size(); i++) {
            HostStatus h = list.get(first + i);
            int y = r.y() + 1 + i;
            boolean cursor = first + i == m.hostCursor && m.focus == Focus.MAIN;
            Style name = t.style(cursor ? Element.HOST_CURSOR : m.selected.contains(h.name()) ? Element.HOST_SELECTED : Element.HOST_NAME);
            c.line(r.x(), y, r.w(), "", name);
            int x = r.x();
            x += c.text(x, y, r.w(), m.selected.contains(h.name()) ? "*" : " ", name);
            x += c.text(x, y, r.x() + r.w() - x, Glyphs.host(h.state()) + " ", t.style(Glyphs.hostElement(h.state())));
            x += c.text(x, y, r.x() + r.w() - x, h.name() + " ", name);
            if (!h.tags().isEmpty()) {
                x += c.text(x, y, r.x() + r.w() - x, "@" + String.join(" @", h.tags()) + " ", t.style(Element.HOST_TAGS));
            }
            if (!h.detail().isEmpty()) c.text(x, y, r.x() + r.w() - x, h.detail(), t.style(Element.STATUS_UNKNOWN));
        }
    }

    private void checklist(Canvas c, Rect r, RunState run, ConsoleModel m, Theme t) {
        if (!r.visible()) return;
        Instant now = clock.instant();
        String state = !run.finished() ? "running" : run.cancelled() ? "cancelled" : run.passed() ? "passed" : "FAILED";
        c.line(r.x(), r.y(), r.w(), " " + run.id() + " · " + run.taskId() + " · " + state + " · "
                + Glyphs.duration(run.elapsed(now)) + " · " + run.title() + " ", t.style(Element.TITLE));
        List<String> hosts = run.hosts();
        boolean multi = hosts.size() > 1;
        int cellW = 10;
        int titleW = multi ? Math.max(12, r.w() - hosts.size() * (cellW + 1) - 1) : r.w();
        int y = r.y() + 1;
        if (multi && y < r.bottom()) {
            int x = r.x() + titleW + 1;
            for (String h : hosts) {
                if (x >= r.x() + r.w()) break;
                c.text(x, y, Math.min(cellW, r.x() + r.w() - x), h, t.style(Element.STEP_TITLE).withBold(true));
                x += cellW + 1;
            }
            y++;
        }
        for (RunEvent.StepInfo step : run.steps()) {
            if (y >= r.bottom()) break;
            if (!multi) {
                RunState.Cell cell = run.cell(hosts.isEmpty() ? "" : hosts.get(0), step.id());
                int x = r.x() + 1;
                x += c.text(x, y, 2, Glyphs.step(cell.status(), m.frame), t.style(Glyphs.stepElement(cell.status())));
                x += 1;
                String dur = Glyphs.duration(cellDuration(cell, now));
                int dw = dur.length() + 1;
                c.text(x, y, r.x() + r.w() - x - dw, step.title() + (step.manual() ? " (manual)" : ""), t.style(Element.STEP_TITLE));
                c.text(r.x() + r.w() - dw, y, dw, dur, t.style(Element.STEP_DURATION));
            } else {
                c.text(r.x() + 1, y, titleW - 1, step.title(), t.style(Element.STEP_TITLE));
                int x = r.x() + titleW + 1;
                for (String h : hosts) {
                    if (x >= r.x() + r.w()) break;
                    RunState.Cell cell = run.cell(h, step.id());
                    int w = Math.min(cellW, r.x() + r.w() - x);
                    int used = c.text(x, y, w, Glyphs.step(cell.status(), m.frame) + " ", t.style(Glyphs.stepElement(cell.status())));
                    c.text(x + used, y, w - used, Glyphs.duration(cellDuration(cell, now)), t.style(Element.STEP_DURATION));
                    x += cellW + 1;
                }
            }
            y++;
        }
    }

    private static java.time.Duration cellDuration(RunState.Cell cell, Instant now) {
        if (cell.took() != null) return cell.took();
        if (cell.started() != null) return java.time.Duration.between(cell.started(), now);
        return null;
    }

    private void panes(Canvas c, List<Rect> rects, ConsoleModel m, RunState run, Theme t) {
        if (m.commandLogShown) {
            PaneDrawer.draw(c, rects.get(0), m.commandLog, t, true);
            return;
        }
        if (run == null) {
            Rect r = rects.get(0);
            c.line(r.x(), r.y(), r.w(), " Output ", t.style(Element.TITLE));
            c.fill(new Rect(r.x(), r.y() + 1, r.w(), r.h() - 1), t.style(Element.PANE_TEXT));
            String hint = "Press " + m.keymap.hint(Action.FOCUS_PROMPT) + " for the prompt (try: run TASK SEL, exec SEL -- CMD), "
                    + m.keymap.hint(Action.HELP) + " for keys.";
            c.text(r.x() + 1, r.y() + 2, r.w() - 2, hint, t.style(Element.PANE_INFO));
            return;
        }
        List<OutputPane> panes = run.panes();
        int active = Math.floorMod(m.paneIndex, panes.size());
        // show a window of panes that contains the active one
        int shown = Math.min(rects.size(), panes.size());
        int first = Math.max(0, Math.min(active - shown + 1, panes.size() - shown));
        first = Math.min(first, active);
        for (int i = 0; i < shown; i++) {
            OutputPane p = panes.get(first + i);
            Rect r = rects.get(i);
            PaneDrawer.draw(c, r, p, t, first + i == active);
            if (panes.size() > shown && i == shown - 1) {
                String more = " " + (active + 1) + "/" + panes.size() + " " + m.keymap.hint(Action.NEXT_PANE) + " ";
                c.text(r.x() + Math.max(0, r.w() - more.length()), r.y(), more.length(), more, t.style(Element.TITLE_ACTIVE));
            }
        }
    }

    private void todo(Canvas c, Rect r, ConsoleModel m, Theme t) {
        if (r.visible()) TodoDrawer.draw(c, r, m, t);
    }

    private void statusBar(Canvas c, Rect r, ConsoleModel m, Theme t) {
        Style bar = t.style(Element.STATUS_BAR), key = t.style(Element.STATUS_BAR_KEY);
        c.line(r.x(), r.y(), r.w(), "", bar);
        int x = r.x();
        String left = " " + m.fleetLabel + " │ sel " + m.selectionExpression() + " │ "
                + (m.runningCount() == 0 ? "idle" : m.runningCount() + " running") + " │ ";
        x += c.text(x, r.y(), r.w(), left, bar);
        Keymap k = m.keymap;
        Action[] hints = m.focus == Focus.PROMPT
                ? new Action[]{Action.SUBMIT, Action.COMPLETE, Action.HISTORY_SEARCH, Action.CANCEL}
                : m.todoShown ? new Action[]{Action.TODO_TOGGLE, Action.TOGGLE_TODO, Action.FOCUS_PROMPT, Action.HELP, Action.QUIT}
                : new Action[]{Action.FOCUS_PROMPT, Action.HELP, Action.SEARCH, Action.TOGGLE_WRAP, Action.TOGGLE_COMMAND_LOG, Action.QUIT};
        for (Action a : hints) {
            if (x >= r.x() + r.w()) break;
            x += c.text(x, r.y(), r.x() + r.w() - x, k.hint(a), key);
            x += c.text(x, r.y(), r.x() + r.w() - x, " " + a.id() + "  ", bar);
        }
    }

    private void promptLine(Canvas c, Rect r, ConsoleModel m, Theme t, Screen screen) {
        PromptState p = m.prompt;
        c.line(r.x(), r.y(), r.w(), "", t.style(Element.PROMPT_TEXT));
        if (m.focus != Focus.PROMPT) {
            if (m.notice != null) c.text(r.x(), r.y(), r.w(), m.notice, t.style(m.noticeIsError ? Element.ERROR : Element.NOTICE));
            return;
        }
        String lead = p.searchQuery != null ? "(reverse-i-search" + (p.searchFailed ? " failed" : "") + ")`" + p.searchQuery + "': "
                : p.mode == PromptState.Mode.SEARCH ? "/" : ":";
        int x = r.x() + c.text(r.x(), r.y(), r.w(), lead, t.style(Element.PROMPT));
        String text = p.text();
        int room = Math.max(1, r.x() + r.w() - x - 1);
        int from = Math.max(0, p.cursor - room + 1); // keep the cursor visible on long lines
        c.text(x, r.y(), room + 1, text.substring(Math.min(from, text.length())), t.style(Element.PROMPT_TEXT));
        screen.setCursorPosition(new TerminalPosition(Math.min(r.x() + r.w() - 1, x + p.cursor - from), r.y()));
    }

    private void menu(Canvas c, Layout l, ConsoleModel m, Theme t) {
        List<String> items = m.prompt.menu;
        int h = Math.min(items.size(), Math.min(8, l.body().h()));
        int w = Math.min(l.body().w(), 2 + items.stream().mapToInt(String::length).max().orElse(0) + 2);
        int sel = Math.max(0, m.prompt.menuIndex);
        int first = Math.max(0, Math.min(sel - h + 1, items.size() - h));
        int y0 = l.prompt().y() - 1 - h;
        for (int i = 0; i < h; i++) {
            int idx = first + i;
            Style s = t.style(idx == m.prompt.menuIndex ? Element.COMPLETION_SELECTED : Element.COMPLETION);
            c.line(1, y0 + i, w, " " + items.get(idx), s);
        }
        String more = items.size() > h ? " " + items.size() + " matches " : "";
        if (!more.isEmpty()) c.line(1, y0 - 1 >= 0 ? y0 - 1 : y0, Math.min(w, more.length()), more, t.style(Element.COMPLETION));
    }

    private void overlay(Canvas c, Rect body, Overlay o, Theme t) {
        Rect r = new Rect(body.x() + 2, body.y() + 1, Math.max(1, body.w() - 4), Math.max(1, body.h() - 2));
        c.fill(r, t.style(Element.HELP));
        c.line(r.x(), r.y(), r.w(), " " + o.title() + " ", t.style(Element.TITLE_ACTIVE));
        for (int i = 0; i < r.h() - 1 && o.scroll() + i < o.lines().size(); i++) {
            c.text(r.x() + 1, r.y() + 1 + i, r.w() - 2, o.lines().get(o.scroll() + i), t.style(Element.HELP));
        }
    }

    private void dialog(Canvas c, Rect body, Dialog d, ConsoleModel m, Theme t) {
        int w = Math.min(body.w() - 2, Math.max(40, 4 + Math.max(d.title().length(),
                d.lines().stream().mapToInt(String::length).max().orElse(0))));
        int h = Math.min(body.h(), d.lines().size() + 4);
        Rect r = new Rect(body.x() + Math.max(0, (body.w() - w) / 2), body.y() + Math.max(0, (body.h() - h) / 2), w, h);
        c.fill(r, t.style(Element.DIALOG));
        c.line(r.x(), r.y(), r.w(), " " + d.title() + " ", t.style(Element.DIALOG_TITLE));
        for (int i = 0; i < d.lines().size() && i + 1 < r.h() - 1; i++) {
            c.text(r.x() + 2, r.y() + 1 + i, r.w() - 3, d.lines().get(i), t.style(Element.DIALOG));
        }
        String keys = "[" + m.keymap.hint(Action.CONFIRM) + "] yes   [" + m.keymap.hint(Action.DENY) + "] no";
        c.text(r.x() + 2, r.bottom() - 1, r.w() - 3, keys, t.style(Element.DIALOG_TITLE));
    }
}

package dev.fleetdeck.ui;

import java.util.List;
import java.util.Optional;

/** Line editing on the prompt: keys from the keymap's prompt context, Tab completion, history, Ctrl-R. */
final class PromptEditor {

    private final ConsoleModel m;
    private final PromptHistory history;
    private final PromptCompleter completer;
    private final Commands commands;

    PromptEditor(ConsoleModel m, PromptHistory history, PromptCompleter completer, Commands commands) {
        this.m = m;
        this.history = history;
        this.completer = completer;
        this.commands = commands;
    }

    void open(PromptState.Mode mode) {
        m.focus = Focus.PROMPT;
        m.prompt.reset(mode);
        history.resetWalk();
        m.notice = null;
    }

    void key(Key key) {
        PromptState p = m.prompt;
        Optional<Action> found = m.keymap.lookup(Action.Context.PROMPT, key);
        if (found.isEmpty()) {
            char c = key.typed();
            if (c != 0) type(String.valueOf(c));
            return;
        }
        Action a = found.get();
        if (p.searchQuery != null && a != Action.HISTORY_SEARCH && a != Action.DELETE_BACK) {
            p.searchQuery = null; // any other key accepts the found line, then acts as usual
            if (a == Action.CANCEL) return;
        }
        if (a != Action.COMPLETE) p.closeMenu();
        switch (a) {
            case SUBMIT -> submit();
            case CANCEL -> {
                m.focus = Focus.MAIN;
                p.reset(PromptState.Mode.COMMAND);
            }
            case COMPLETE -> complete();
            case HISTORY_PREV -> walk(history.older(), true);
            case HISTORY_NEXT -> walk(history.newer(), false);
            case HISTORY_SEARCH -> reverseSearch();
            case CURSOR_LEFT -> p.cursor = Math.max(0, p.cursor - 1);
            case CURSOR_RIGHT -> p.cursor = Math.min(p.text.length(), p.cursor + 1);
            case LINE_START -> p.cursor = 0;
            case LINE_END -> p.cursor = p.text.length();
            case DELETE_BACK -> {
                if (p.searchQuery != null) {
                    if (!p.searchQuery.isEmpty()) p.searchQuery = p.searchQuery.substring(0, p.searchQuery.length() - 1);
                    findFrom(history.size());
                } else if (p.cursor > 0) {
                    p.text.deleteCharAt(--p.cursor);
                } else if (p.text.length() == 0) {
                    m.focus = Focus.MAIN; // backspace on an empty prompt leaves it, as in vim
                }
            }
            case DELETE_FORWARD -> {
                if (p.cursor < p.text.length()) p.text.deleteCharAt(p.cursor);
            }
            case KILL_LINE -> p.text.setLength(p.cursor);
            case KILL_TO_START -> {
                p.text.delete(0, p.cursor);
                p.cursor = 0;
            }
            case KILL_WORD_BACK -> {
                int i = p.cursor;
                while (i > 0 && p.text.charAt(i - 1) == ' ') i--;
                while (i > 0 && p.text.charAt(i - 1) != ' ') i--;
                p.text.delete(i, p.cursor);
                p.cursor = i;
            }
            default -> { }
        }
    }

    private void type(String s) {
        PromptState p = m.prompt;
        p.closeMenu();
        if (p.searchQuery != null) {
            p.searchQuery += s;
            findFrom(history.size());
        } else {
            p.insert(s);
        }
    }

    /** Bracketed paste: one line is typed into the prompt; several lines are run only after a yes. */
    void paste(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = normal.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return;
        if (lines.size() == 1) {
            if (m.focus != Focus.PROMPT) open(PromptState.Mode.COMMAND);
            type(lines.get(0).replaceAll("\\p{Cntrl}", " "));
            return;
        }
        List<String> shown = lines.size() > 8 ? lines.subList(0, 8) : lines;
        List<String> body = new java.util.ArrayList<>(shown.stream().map(l -> ":" + l).toList());
        if (lines.size() > shown.size()) body.add("… and " + (lines.size() - shown.size()) + " more");
        m.dialogs.add(new Dialog("Run " + lines.size() + " pasted commands?", body, yes -> {
            if (!yes) {
                m.info("paste discarded");
                return;
            }
            m.focus = Focus.MAIN;
            for (String l : lines) {
                history.add(l);
                commands.execute(l);
            }
        }));
    }

    private void submit() {
        PromptState p = m.prompt;
        String line = p.text.toString();
        m.focus = Focus.MAIN;
        if (p.mode == PromptState.Mode.SEARCH) {
            OutputPane pane = m.activePane();
            if (pane != null && !pane.search(line, Math.max(1, m.rows - 8)) && !line.isEmpty()) {
                m.error("not found: " + line);
            }
        } else {
            history.add(line);
            commands.execute(line);
        }
        p.reset(PromptState.Mode.COMMAND);
    }

    private void walk(String entry, boolean older) {
        PromptState p = m.prompt;
        if (p.mode != PromptState.Mode.COMMAND) return;
        if (older && p.draft == null) p.draft = p.text.toString();
        if (entry != null) p.set(entry);
        else if (!older) {
            p.set(p.draft == null ? "" : p.draft);
            p.draft = null;
        }
    }

    private void reverseSearch() {
        PromptState p = m.prompt;
        if (p.searchQuery == null) {
            p.searchQuery = "";
            p.searchFrom = history.size();
            p.searchFailed = false;
        } else {
            findFrom(p.searchFrom); // Ctrl-R again: the next older match
        }
    }

    private void findFrom(int before) {
        PromptState p = m.prompt;
        int i = history.searchBack(p.searchQuery, before);
        p.searchFailed = i < 0;
        if (i >= 0) {
            p.set(history.get(i));
            p.cursor = Math.max(0, history.get(i).indexOf(p.searchQuery));
            p.searchFrom = i;
        }
    }

    private void complete() {
        PromptState p = m.prompt;
        if (p.mode != PromptState.Mode.COMMAND) return;
        if (!p.menu.isEmpty()) { // Tab again cycles through the shown candidates
            p.menuIndex = (p.menuIndex + 1) % p.menu.size();
            replaceWord(p.menu.get(p.menuIndex), false);
            return;
        }
        PromptCompleter.Result r = completer.complete(p.text.toString(), p.cursor);
        if (r.candidates().isEmpty()) {
            m.error("no completion");
            return;
        }
        p.wordStart = r.start();
        if (r.candidates().size() == 1) {
            String c = r.candidates().get(0);
            replaceWord(c, !c.endsWith("="));
            return;
        }
        replaceWord(r.commonPrefix(), false);
        p.menu = r.candidates();
        p.menuIndex = -1;
    }

    private void replaceWord(String with, boolean space) {
        PromptState p = m.prompt;
        int end = p.cursor;
        while (end < p.text.length() && p.text.charAt(end) != ' ') end++;
        p.text.replace(p.wordStart, end, with + (space ? " " : ""));
        p.cursor = p.wordStart + with.length() + (space ? 1 : 0);
    }
}

package dev.fleetdeck.ui;

import java.util.List;

/** The prompt line being edited, with its completion menu and reverse-search state. UI thread only. */
public final class PromptState {

    /** What Enter does with the line: run a command, or search the output pane. */
    public enum Mode { COMMAND, SEARCH }

    final StringBuilder text = new StringBuilder();
    int cursor;
    Mode mode = Mode.COMMAND;
    /** Candidates shown above the prompt after Tab, or empty. */
    List<String> menu = List.of();
    int menuIndex = -1;
    int wordStart;
    /** Non-null while Ctrl-R reverse search is active. */
    String searchQuery;
    int searchFrom;
    boolean searchFailed;
    /** What was typed before walking through history. */
    String draft;

    public String text() {
        return text.toString();
    }

    public int cursor() {
        return cursor;
    }

    public Mode mode() {
        return mode;
    }

    public List<String> menu() {
        return menu;
    }

    public int menuIndex() {
        return menuIndex;
    }

    public String searchQuery() {
        return searchQuery;
    }

    void set(String s) {
        text.setLength(0);
        text.append(s);
        cursor = s.length();
    }

    void insert(String s) {
        text.insert(cursor, s);
        cursor += s.length();
    }

    void reset(Mode m) {
        set("");
        mode = m;
        closeMenu();
        searchQuery = null;
        draft = null;
    }

    void closeMenu() {
        menu = List.of();
        menuIndex = -1;
    }
}

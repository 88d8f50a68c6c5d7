package dev.fleetdeck.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Everything a key can do. Each action belongs to the context in which its keys are looked up. */
public enum Action {
    // main view
    QUIT(Context.MAIN, "quit (asks if work is running)"),
    INTERRUPT(Context.MAIN, "cancel / quit, asking first while work runs"),
    FOCUS_PROMPT(Context.MAIN, "open the command prompt"),
    HELP(Context.MAIN, "show the keys of this keymap"),
    TOGGLE_TODO(Context.MAIN, "show or hide the TODO view"),
    TOGGLE_COMMAND_LOG(Context.MAIN, "show or hide the command log"),
    HOST_UP(Context.MAIN, "previous host"),
    HOST_DOWN(Context.MAIN, "next host"),
    TOGGLE_HOST(Context.MAIN, "add or remove the host under the cursor from the selection"),
    NEXT_PANE(Context.MAIN, "next output pane"),
    PREV_PANE(Context.MAIN, "previous output pane"),
    NEXT_RUN(Context.MAIN, "show the next run"),
    PREV_RUN(Context.MAIN, "show the previous run"),
    SCROLL_UP(Context.MAIN, "scroll output up a line"),
    SCROLL_DOWN(Context.MAIN, "scroll output down a line"),
    PAGE_UP(Context.MAIN, "scroll output up a page"),
    PAGE_DOWN(Context.MAIN, "scroll output down a page"),
    SCROLL_TOP(Context.MAIN, "go to the oldest output line"),
    SCROLL_BOTTOM(Context.MAIN, "go to the newest line and follow"),
    TOGGLE_FOLLOW(Context.MAIN, "follow new output on/off"),
    TOGGLE_WRAP(Context.MAIN, "wrap long lines on/off"),
    SEARCH(Context.MAIN, "search the output pane"),
    SEARCH_NEXT(Context.MAIN, "next search match"),
    SEARCH_PREV(Context.MAIN, "previous search match"),
    CANCEL_RUN(Context.MAIN, "cancel the shown run (asks first)"),
    REDRAW(Context.MAIN, "redraw the whole screen"),
    SUSPEND(Context.MAIN, "suspend to the shell (fg resumes)"),
    // prompt line
    SUBMIT(Context.PROMPT, "run the command line"),
    CANCEL(Context.PROMPT, "leave the prompt"),
    COMPLETE(Context.PROMPT, "complete the word / next candidate"),
    HISTORY_PREV(Context.PROMPT, "older history entry"),
    HISTORY_NEXT(Context.PROMPT, "newer history entry"),
    HISTORY_SEARCH(Context.PROMPT, "reverse search in history"),
    CURSOR_LEFT(Context.PROMPT, "cursor left"),
    CURSOR_RIGHT(Context.PROMPT, "cursor right"),
    LINE_START(Context.PROMPT, "cursor to line start"),
    LINE_END(Context.PROMPT, "cursor to line end"),
    DELETE_BACK(Context.PROMPT, "delete before the cursor"),
    DELETE_FORWARD(Context.PROMPT, "delete under the cursor"),
    KILL_LINE(Context.PROMPT, "delete to line end"),
    KILL_WORD_BACK(Context.PROMPT, "delete the word before the cursor"),
    KILL_TO_START(Context.PROMPT, "delete to line start"),
    // TODO view (looked up before the main view's keys while it is shown)
    TODO_UP(Context.TODO, "previous TODO item"),
    TODO_DOWN(Context.TODO, "next TODO item"),
    TODO_TOGGLE(Context.TODO, "tick or untick the selected TODO item"),
    // dialogs
    CONFIRM(Context.DIALOG, "answer yes"),
    DENY(Context.DIALOG, "answer no");

    /** Where a key is looked up: the main view, the prompt line, the TODO view, or a dialog. */
    public enum Context { MAIN, PROMPT, TODO, DIALOG }

    private final Context context;
    private final String help;

    Action(Context context, String help) {
        this.context = context;
        this.help = help;
    }

    public Context context() {
        return context;
    }

    public String help() {
        return help;
    }

    /** The name keymap files use: {@code focus-prompt}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Action> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }

    public static String allIds() {
        return Arrays.stream(values()).map(Action::id).collect(Collectors.joining(", "));
    }
}

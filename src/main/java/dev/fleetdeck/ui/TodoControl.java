package dev.fleetdeck.ui;

import dev.fleetdeck.todo.ItemRef;
import dev.fleetdeck.todo.TodoException;
import dev.fleetdeck.todo.TodoItem;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The UI thread's half of the TODO view: keys, the {@code todo} prompt command and messages from the
 * {@link TodoWatcher}. Every read and write is handed to the background executor; only results come back.
 */
final class TodoControl {

    private final ConsoleModel m;
    private final TodoWatcher watcher;
    private final Executor io;
    /** A poll is queued or running: ticks do not pile up behind a slow disk. */
    private final AtomicBoolean polling = new AtomicBoolean();

    TodoControl(ConsoleModel m, TodoWatcher watcher, Executor io) {
        this.m = m;
        this.watcher = watcher;
        this.io = io;
    }

    /** {@code todo}, {@code todo check ITEM}, {@code todo uncheck ITEM}. */
    void command(List<String> w) {
        if (w.size() == 1) {
            toggleShown();
            return;
        }
        String verb = w.get(1);
        if (!TodoWatcher.verbs().contains(verb) || w.size() < 3) {
            m.error("usage: todo [check|uncheck ITEM] (ITEM: its number or words of its text)");
            return;
        }
        ItemRef ref;
        try {
            ref = ItemRef.parse(String.join(" ", w.subList(2, w.size())));
        } catch (TodoException e) {
            m.error(e.getMessage());
            return;
        }
        boolean check = verb.equals("check");
        io.execute(() -> watcher.toggle(ref, check));
    }

    void toggleShown() {
        m.todoShown = !m.todoShown;
        if (m.todoShown) poll(true);
    }

    /** A key while the view is shown; false when it is not a TODO key (the main view then handles it). */
    boolean key(Action a) {
        switch (a) {
            case TODO_UP -> m.todo.move(-1);
            case TODO_DOWN -> m.todo.move(1);
            case TODO_TOGGLE -> toggleSelected();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void toggleSelected() {
        TodoItem item = m.todo.selectedItem();
        if (item == null) {
            m.error("no item to tick");
            return;
        }
        var doc = m.todo.document();
        io.execute(() -> watcher.toggle(doc, item, !item.checked()));
    }

    /** Once a second: re-read the file when it changed on disk, while the view is shown. */
    void tick() {
        if (m.todoShown) poll(false);
    }

    private void poll(boolean force) {
        if (!polling.compareAndSet(false, true)) return;
        io.execute(() -> {
            try {
                watcher.poll(force);
            } finally {
                polling.set(false);
            }
        });
    }

    void read(TodoSnapshot s) {
        m.todo.update(s);
        if (s.note() != null) {
            if (s.noteIsError()) m.error(s.note());
            else m.info(s.note());
        }
    }
}

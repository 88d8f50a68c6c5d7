package dev.fleetdeck.ui;

import dev.fleetdeck.demo.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A detached tmux session driven like a person at a keyboard; waits on screen content, never on sleeps. */
final class Tmux implements AutoCloseable {

    private final String name;

    Tmux(String name, int cols, int rows, String shellCommand) throws Exception {
        this.name = name;
        tmux("kill-session", "-t", name); // a leftover from a killed run
        check(tmux("new-session", "-d", "-s", name, "-x", String.valueOf(cols), "-y", String.valueOf(rows), shellCommand));
        check(tmux("set-option", "-t", name, "status", "off"));
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Literal text, not interpreted as key names. */
    void type(String text) throws Exception {
        check(tmux("send-keys", "-t", name, "-l", "--", text)); // "--": text may start with "-"
    }

    /** Key names as tmux knows them: Enter, Tab, PPage, Escape, C-c. */
    void keys(String... keys) throws Exception {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", name));
        argv.addAll(List.of(keys));
        check(tmux(argv.toArray(String[]::new)));
    }

    void resize(int cols, int rows) throws Exception {
        check(tmux("resize-window", "-t", name, "-x", String.valueOf(cols), "-y", String.valueOf(rows)));
    }

    String screen() {
        try {
            return tmux("capture-pane", "-p", "-t", name).out;
        } catch (Exception e) {
            return "";
        }
    }

    /** Waits until the screen contains {@code text}; fails with the screen's content. */
    String await(String text, Duration timeout) {
        try {
            Await.until(timeout, () -> screen().contains(text), "\"" + text + "\" on screen");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the screen was:\n" + screen(), e);
        }
        return screen();
    }

    @Override
    public void close() throws Exception {
        tmux("kill-session", "-t", name);
    }

    private record Result(int code, String out) {
    }

    private static Result tmux(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add("tmux");
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static void check(Result r) {
        if (r.code != 0) throw new IllegalStateException("tmux failed: " + r.out);
    }
}

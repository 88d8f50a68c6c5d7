package dev.fleetdeck.ui;

import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The UI thread: applies messages from the inbox and draws at most {@link #MAX_FPS} frames a second, so a flood
 * of output costs one frame per 33 ms however many lines arrive, and keys are handled between frames.
 */
final class ConsoleLoop {

    static final int MAX_FPS = 30;
    private static final long FRAME_NANOS = TimeUnit.SECONDS.toNanos(1) / MAX_FPS;
    /** How often running work is re-drawn with nothing else happening (spinners, durations). */
    private static final long TICK_MILLIS = 250;
    /** How often a {@link Msg.Tick} is applied (the TODO view checks its file's mtime on it). */
    private static final long MSG_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConsoleSession session;
    private final Inbox inbox;
    private final Screen screen;

    ConsoleLoop(ConsoleSession session, Inbox inbox, Screen screen) {
        this.session = session;
        this.inbox = inbox;
        this.screen = screen;
    }

    void run() throws IOException, InterruptedException {
        ConsoleModel m = session.model();
        long lastFrame = 0;
        long lastTick = System.nanoTime();
        boolean dirty = true;
        while (!m.quitting()) {
            long now = System.nanoTime();
            long wait;
            if (dirty) wait = Math.max(0, (lastFrame + FRAME_NANOS - now) / 1_000_000);
            else wait = m.runningCount() > 0 ? TICK_MILLIS : 1000;
            List<Msg> batch = inbox.take(wait);
            for (Msg msg : batch) session.apply(msg);
            if (System.nanoTime() - lastTick >= MSG_TICK_NANOS) {
                lastTick = System.nanoTime();
                session.apply(new Msg.Tick()); // its results arrive as messages and make the frame dirty
            }
            if (batch.isEmpty() && m.runningCount() > 0) dirty = true; // tick: spinners and durations move
            dirty |= !batch.isEmpty();
            if (dirty && System.nanoTime() - lastFrame >= FRAME_NANOS && !m.quitting()) {
                frame(m);
                lastFrame = System.nanoTime();
                dirty = false;
            }
        }
    }

    private void frame(ConsoleModel m) throws IOException {
        if (screen.doResizeIfNecessary() != null) m.fullRedraw = true;
        session.draw(screen);
        screen.refresh(m.fullRedraw ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        m.fullRedraw = false;
    }
}

package dev.fleetdeck.task;

/** Receives run events, from runner threads; implementations must be thread-safe and quick. */
@FunctionalInterface
public interface RunListener {

    void on(RunEvent event);

    /** Sends each event to every listener in turn. */
    static RunListener all(RunListener... listeners) {
        return e -> {
            for (RunListener l : listeners) l.on(e);
        };
    }
}

package dev.fleetdeck.ui;

import dev.fleetdeck.history.RunSummary;
import dev.fleetdeck.task.RunEvent;
import java.util.List;

/** Everything that can change the console's model. Produced on any thread, applied on the UI thread only. */
public sealed interface Msg {

    record KeyPressed(Key key) implements Msg {
    }

    /** Text that arrived between bracketed-paste markers: typed into the prompt, never run by itself. */
    record Pasted(String text) implements Msg {
    }

    record Run(RunEvent event) implements Msg {
    }

    record HostUpdate(HostStatus status) implements Msg {
    }

    record Resized(int columns, int rows) implements Msg {
    }

    /** Once in a while, so running durations and spinners move. */
    record Tick() implements Msg {
    }

    /** Another thread needs a yes/no from the operator (host key, manual step). */
    record Ask(Dialog dialog) implements Msg {
    }

    /** A line for the prompt row from background work (a failed history read, a TODO write). */
    record Notice(String text, boolean error) implements Msg {
    }

    /**
     * Recorded runs, read off the UI thread, newest first.
     *
     * @param host  the host they were filtered by, or null
     * @param list  whether the operator asked to see them (else they only feed completion)
     */
    record PastRuns(String host, List<RunSummary> runs, boolean list) implements Msg {
    }

    /** The TODO file as just read or written off the UI thread. */
    record TodoRead(TodoSnapshot snapshot) implements Msg {
    }
}

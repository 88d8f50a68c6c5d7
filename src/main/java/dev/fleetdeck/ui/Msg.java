package dev.fleetdeck.ui;

import dev.fleetdeck.task.RunEvent;

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
}

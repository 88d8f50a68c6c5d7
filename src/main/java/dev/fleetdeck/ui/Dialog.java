package dev.fleetdeck.ui;

import java.util.List;
import java.util.function.Consumer;

/**
 * A yes/no question shown over everything else. {@code answer} runs on the UI thread with the operator's choice;
 * a dialog is never answered by a timeout.
 */
public record Dialog(String title, List<String> lines, Consumer<Boolean> answer) {

    public Dialog {
        lines = List.copyOf(lines);
    }
}

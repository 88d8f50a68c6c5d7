package dev.fleetdeck.ui;

import dev.fleetdeck.todo.TodoDocument;
import java.nio.file.Path;

/**
 * The TODO file as the background reader last saw it.
 *
 * @param document the parsed checklist, or null when it could not be read
 * @param problem  why there is no document ("no file at …"), or null
 * @param note     what a write just did ("ticked: …") or why it failed, or null
 */
public record TodoSnapshot(Path file, TodoDocument document, String problem, String note, boolean noteIsError) {

    TodoSnapshot withNote(String text, boolean error) {
        return new TodoSnapshot(file, document, problem, text, error);
    }
}

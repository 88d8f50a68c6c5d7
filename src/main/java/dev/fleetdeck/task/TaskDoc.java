package dev.fleetdeck.task;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.json.Suggestions;

import java.util.Collection;
import java.util.List;

/**
 * Located problems in one task file. Steps are a list, so the path alone would say {@code steps[3]}; messages
 * name a step by its id instead: {@code step "nix-free": expect.stdout /(/ is not a valid regex}.
 */
final class TaskDoc {

    private final JsonDocument doc;
    private final List<String> stepIds;

    /** @param stepIds the steps' ids by position ({@code null} where a step has none) */
    TaskDoc(JsonDocument doc, List<String> stepIds) {
        this.doc = doc;
        this.stepIds = stepIds;
    }

    ConfigException problem(JsonPath path, String predicate) {
        if (path.size() < 2 || !"steps".equals(path.get(0)) || !(path.get(1) instanceof Integer i)) {
            return doc.problem(path, predicate);
        }
        String step = i < stepIds.size() && stepIds.get(i) != null ? "step \"" + stepIds.get(i) + "\"" : "steps[" + i + "]";
        if (path.size() == 2) return doc.at(doc.valuePosition(path), "", step + " " + predicate);
        String label = JsonPath.render(path.segments().subList(2, path.size()));
        return doc.at(doc.valuePosition(path), step, label + " " + predicate);
    }

    ConfigException problemAtKey(JsonPath path, String predicate) {
        return doc.problemAtKey(path, predicate);
    }

    /** {@code "; did you mean "x"?"} or "". */
    static String didYouMean(String word, Collection<String> candidates) {
        return Suggestions.closest(word, candidates).map(g -> "; did you mean \"" + g + "\"?").orElse("");
    }
}

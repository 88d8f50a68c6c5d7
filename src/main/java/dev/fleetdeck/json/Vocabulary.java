package dev.fleetdeck.json;

import java.util.List;

/**
 * How messages about one kind of document name its places: fleet.json keeps hosts under {@code hosts}
 * and says {@code host "cortex"}; a deploy-rs nodes file keeps nodes at the top and says {@code node "cortex"}.
 * Outside the entries, places are named by their path, e.g. {@code steps[1].expect}.
 *
 * @param entries where the document's named entries live
 * @param noun    what one entry is called
 */
public record Vocabulary(JsonPath entries, String noun) {

    /** The object that holds the thing at {@code path}: {@code host "cortex" health[1]}, or "" at the top. */
    public String owner(JsonPath path) {
        if (isEntry(path)) return "";
        return describe(path.prefix(path.lastFieldIndex()));
    }

    /** The thing at {@code path} as its owner calls it: {@code port}, {@code tags[1]}, {@code host "cortex"}. */
    public String label(JsonPath path) {
        if (path.size() == 0) return "the document";
        if (isEntry(path)) return entryName(path);
        return JsonPath.render(path.segments().subList(path.lastFieldIndex(), path.size()));
    }

    /** Whether {@code path} names one entry, e.g. {@code hosts.cortex}. */
    public boolean isEntry(JsonPath path) {
        return path.size() == entries.size() + 1 && path.startsWith(entries);
    }

    private String describe(JsonPath path) {
        if (path.equals(entries)) return "";
        if (path.startsWith(entries) && path.size() > entries.size()) {
            List<Object> rest = path.segments().subList(entries.size() + 1, path.size());
            String head = entryName(path.prefix(entries.size() + 1));
            return rest.isEmpty() ? head : head + " " + JsonPath.render(rest);
        }
        return JsonPath.render(path.segments());
    }

    private String entryName(JsonPath entry) {
        return noun + " \"" + entry.get(entries.size()) + "\"";
    }
}

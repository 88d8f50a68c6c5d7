package dev.fleetdeck.fleet;

import java.util.List;

/**
 * How messages about one kind of document name its places: fleet.json keeps hosts under {@code hosts}
 * and says {@code host "cortex"}; a deploy-rs nodes file keeps nodes at the top and says {@code node "cortex"}.
 *
 * @param entries where the document's named entries live
 * @param noun    what one entry is called
 */
record Vocabulary(JsonPath entries, String noun) {

    static final Vocabulary FLEET = new Vocabulary(JsonPath.of("hosts"), "host");
    static final Vocabulary DEPLOY_RS_NODES = new Vocabulary(JsonPath.ROOT, "node");

    /** The object that holds the thing at {@code path}: {@code host "cortex" health[1]}, or "" at the top. */
    String owner(JsonPath path) {
        if (isEntry(path)) return "";
        return describe(path.prefix(path.lastFieldIndex()));
    }

    /** The thing at {@code path} as its owner calls it: {@code port}, {@code tags[1]}, {@code host "cortex"}. */
    String label(JsonPath path) {
        if (path.size() == 0) return "the document";
        if (isEntry(path)) return entryName(path);
        return JsonPath.render(path.segments().subList(path.lastFieldIndex(), path.size()));
    }

    /** Whether {@code path} names one entry, e.g. {@code hosts.cortex}. */
    boolean isEntry(JsonPath path) {
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

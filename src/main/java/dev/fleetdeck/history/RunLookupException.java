package dev.fleetdeck.history;

import java.util.List;

/** No run, or more than one, matches what the operator typed; {@link #candidates()} says which exist. */
public final class RunLookupException extends Exception {

    private final List<String> candidates;

    RunLookupException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    static RunLookupException unknown(String prefix, List<String> recent) {
        String hint = recent.isEmpty() ? "no runs recorded yet" : "recent runs: " + String.join(", ", recent);
        return new RunLookupException("no run \"" + prefix + "\"; " + hint, recent);
    }

    static RunLookupException ambiguous(String prefix, List<String> matches) {
        int shown = Math.min(matches.size(), 10);
        String more = matches.size() > shown ? ", and " + (matches.size() - shown) + " more" : "";
        return new RunLookupException("\"" + prefix + "\" matches " + matches.size() + " runs: "
                + String.join(", ", matches.subList(0, shown)) + more + "; type more of the id", matches);
    }

    /** For an unknown id the most recent runs, for an ambiguous prefix every match; newest first. */
    public List<String> candidates() {
        return candidates;
    }
}

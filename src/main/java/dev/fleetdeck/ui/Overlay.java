package dev.fleetdeck.ui;

import java.util.List;

/** A read-only page over the main view (help, history, hosts); any key closes it, arrows scroll it. */
public record Overlay(String title, List<String> lines, int scroll) {

    public Overlay {
        lines = List.copyOf(lines);
    }

    public Overlay scrolled(int delta) {
        return new Overlay(title, lines, Math.max(0, Math.min(lines.size() - 1, scroll + delta)));
    }
}

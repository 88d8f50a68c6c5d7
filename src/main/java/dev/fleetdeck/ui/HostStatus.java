package dev.fleetdeck.ui;

import java.util.List;

/**
 * What the host list shows for one host.
 *
 * @param detail e.g. "12 ms" or the reason it is unreachable
 */
public record HostStatus(String name, List<String> tags, State state, String detail) {

    public enum State { UNKNOWN, PROBING, UP, DOWN }

    public HostStatus {
        tags = List.copyOf(tags);
    }

    public HostStatus with(State s, String detail) {
        return new HostStatus(name, tags, s, detail);
    }
}

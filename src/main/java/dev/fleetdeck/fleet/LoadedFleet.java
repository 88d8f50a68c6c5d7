package dev.fleetdeck.fleet;

import java.util.List;

/**
 * A loaded fleet plus what the user should hear about how it was loaded, e.g. that a host was switched to
 * the openssh transport because ~/.ssh/config routes it through a proxy.
 */
public record LoadedFleet(Fleet fleet, List<String> notes) {

    public LoadedFleet {
        notes = List.copyOf(notes);
    }
}

package dev.fleetdeck.fleet;

import java.util.List;

/** The names of a deploy-rs node's profiles; their contents (store paths) are never needed here. */
record ProfileNames(List<String> names) {
    ProfileNames {
        names = List.copyOf(names);
    }
}

package dev.fleetdeck.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The hosts fleetdeck manages, in the order their source lists them. */
public record Fleet(Path source, List<Host> hosts) {

    public Fleet {
        hosts = List.copyOf(hosts);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}

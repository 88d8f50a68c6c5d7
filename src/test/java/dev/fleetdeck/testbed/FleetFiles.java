package dev.fleetdeck.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fleet.json and known_hosts for test hosts, as a user would write them: every host on 127.0.0.1 with its
 * port and tags, the test bed's user key as the identity, and each host key already known.
 */
public final class FleetFiles {

    private record Entry(String name, TestHost host, List<String> tags) {
    }

    private final Path dir;
    private final List<Entry> hosts = new ArrayList<>();

    private FleetFiles(Path dir) {
        this.dir = dir;
    }

    public static FleetFiles in(Path dir) {
        return new FleetFiles(dir);
    }

    public FleetFiles host(String name, TestHost host, String... tags) {
        hosts.add(new Entry(name, host, List.of(tags)));
        return this;
    }

    /** Writes both files; returns fleet.json. */
    public Path write() throws IOException {
        TestHost first = hosts.get(0).host();
        String entries = hosts.stream().map(e -> "\"" + e.name() + "\": { \"address\": \"127.0.0.1\", \"port\": "
                + e.host().port() + ", \"tags\": [" + e.tags().stream().map(t -> "\"" + t + "\"")
                .collect(Collectors.joining(", ")) + "] }").collect(Collectors.joining(",\n    "));
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, "{\n  \"defaults\": { \"user\": \"" + first.user() + "\", \"identityFiles\": [\""
                + first.userKey() + "\"] },\n  \"hosts\": {\n    " + entries + "\n  }\n}\n");
        Files.writeString(knownHosts(), hosts.stream().map(e -> e.host().knownHostsLine() + "\n")
                .collect(Collectors.joining()));
        return fleet;
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }
}

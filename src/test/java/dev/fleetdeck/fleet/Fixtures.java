package dev.fleetdeck.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Temp-dir fleets and a machine without ssh or nix, so results never depend on the test host. */
final class Fixtures {

    private Fixtures() {
    }

    /** HOME is {@code dir}, PATH is empty, and any process run fails the test. */
    static Environment offline(Path dir) {
        return new Environment(Map.of("HOME", dir.toString(), "PATH", ""), dir, (cmd, wd, t) -> {
            throw new AssertionError("no process expected, got " + cmd);
        }, null);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** An executable placeholder, so {@link Environment#findExecutable} finds it; a fake runner answers for it. */
    static Path fakeExecutable(Path dir, String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\nexit 99\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    static Fleet load(Path dir, String fleetJson) throws Exception {
        write(dir, "fleet.json", fleetJson);
        return new FleetLoader(offline(dir)).load(Path.of("fleet.json"));
    }

    static FleetConfigException loadError(Path dir, String fleetJson) throws IOException {
        write(dir, "fleet.json", fleetJson);
        return assertThrows(FleetConfigException.class, () -> new FleetLoader(offline(dir)).load(Path.of("fleet.json")));
    }
}

package dev.fleetdeck.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FleetLocatorTest {

    @TempDir
    Path dir;

    private Path cwd() throws Exception {
        return Files.createDirectories(dir.resolve("work"));
    }

    @Test
    void theFleetOptionWins() throws Exception {
        Path cwd = cwd();
        Fixtures.write(cwd, "fleet.json", "{}");
        Path chosen = Fixtures.write(cwd, "other/prod.json", "{}");
        assertEquals(chosen, new FleetLocator(Map.of("HOME", dir.toString()), cwd).locate(Path.of("other/prod.json")));
    }

    @Test
    void aMissingFleetOptionIsAnErrorEvenIfOthersExist() throws Exception {
        Path cwd = cwd();
        Fixtures.write(cwd, "fleet.json", "{}");
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLocator(Map.of("HOME", dir.toString()), cwd).locate(Path.of("prod.json")));
        assertEquals("prod.json:1:1: file does not exist", e.getMessage());
    }

    @Test
    void theWorkingDirectoryComesBeforeTheConfigDirectory() throws Exception {
        Path cwd = cwd();
        Path local = Fixtures.write(cwd, "fleet.json", "{}");
        Fixtures.write(dir, ".config/fleetdeck/fleet.json", "{}");
        assertEquals(local, new FleetLocator(Map.of("HOME", dir.toString()), cwd).locate(null));
    }

    @Test
    void xdgConfigHomeIsHonoured() throws Exception {
        Path xdg = Fixtures.write(dir, "xdg/fleetdeck/fleet.json", "{}");
        Fixtures.write(dir, ".config/fleetdeck/fleet.json", "{}");
        Map<String, String> env = Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        assertEquals(xdg, new FleetLocator(env, cwd()).locate(null));
    }

    @Test
    void withoutXdgConfigHomeItIsDotConfig() throws Exception {
        Path config = Fixtures.write(dir, ".config/fleetdeck/fleet.json", "{}");
        assertEquals(config, new FleetLocator(Map.of("HOME", dir.toString()), cwd()).locate(null));
        // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
        assertEquals(config, new FleetLocator(Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", "rel"), cwd()).locate(null));
    }

    @Test
    void nothingFoundListsThePlacesLooked() throws Exception {
        Path cwd = cwd();
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLocator(Map.of("HOME", dir.toString()), cwd).locate(null));
        assertEquals("no fleet file found; looked for " + cwd.resolve("fleet.json") + " and "
                + dir.resolve(".config/fleetdeck/fleet.json") + "; create one (see docs/fleet-json.md) or pass --fleet FILE",
                e.getMessage());
    }
}

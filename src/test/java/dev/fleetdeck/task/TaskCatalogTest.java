package dev.fleetdeck.task;

import dev.fleetdeck.json.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskCatalogTest {

    static final String BUILTINS = "dev/fleetdeck/task/testbuiltin/";

    @TempDir
    Path home;

    Map<String, String> env() {
        return Map.of("HOME", home.toString());
    }

    static void write(Path dir, String file, String json) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), json);
    }

    static String task(String id, String title) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"steps\": [{\"id\": \"s\", \"run\": \"true\"}]}";
    }

    @Test
    void laterSourcesOverrideEarlierOnesById() throws Exception {
        Path user = home.resolve(".config/fleetdeck/tasks");
        Path flake = home.resolve("repo");
        write(user, "beta.json", task("beta", "Beta (user)"));
        write(user, "gamma.json", task("gamma", "Gamma (user)"));
        write(flake.resolve(".fleetdeck/tasks"), "gamma.json", task("gamma", "Gamma (flake)"));
        write(user, "notes.txt", "not a task");

        TaskCatalog catalog = TaskCatalog.load(env(), flake, BUILTINS);

        assertEquals(List.of("Alpha (builtin)", "Beta (user)", "Gamma (flake)"), catalog.all().stream().map(TaskDef::title).toList());
        assertEquals("builtin:alpha.json", catalog.get("alpha").source());
        assertEquals(flake.resolve(".fleetdeck/tasks/gamma.json").toString(), catalog.get("gamma").source());
    }

    @Test
    void xdgConfigHomeWinsOverHome() throws Exception {
        Path xdg = home.resolve("xdg");
        write(xdg.resolve("fleetdeck/tasks"), "delta.json", task("delta", "Delta"));
        TaskCatalog catalog = TaskCatalog.load(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString()), null, BUILTINS);
        assertTrue(catalog.find("delta").isPresent());
        assertEquals(home.resolve(".config/fleetdeck/tasks"),
                TaskCatalog.userTasks(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", "relative/ignored")));
    }

    @Test
    void unknownIdSuggestsTheClosest() throws Exception {
        TaskCatalog catalog = TaskCatalog.load(env(), null, BUILTINS);
        TaskNotFound e = assertThrows(TaskNotFound.class, () -> catalog.get("alpa"));
        assertEquals("no task \"alpa\"; did you mean \"alpha\"? (tasks: alpha, beta)", e.getMessage());
        assertTrue(catalog.find("nope").isEmpty());
    }

    @Test
    void anInvalidUserFileIsALocatedError() throws Exception {
        Path user = home.resolve(".config/fleetdeck/tasks");
        write(user, "bad.json", "{\"id\": \"bad\",\n \"steps\": [{\"id\": \"s\", \"run\": \"true\", \"retries\": -1}]}");
        ConfigException e = assertThrows(ConfigException.class, () -> TaskCatalog.load(env(), null, BUILTINS));
        assertEquals(user.resolve("bad.json") + ":2:50: step \"s\": retries -1 is outside 0..100", e.getMessage());
    }

    @Test
    void aFileNamedOtherThanItsIdIsAnError() throws Exception {
        Path user = home.resolve(".config/fleetdeck/tasks");
        write(user, "copy.json", task("alpha", "Alpha copy"));
        ConfigException e = assertThrows(ConfigException.class, () -> TaskCatalog.load(env(), null, BUILTINS));
        assertTrue(e.getMessage().startsWith(user.resolve("copy.json") + ":1:8: id \"alpha\" does not match the file name"), e.getMessage());
    }

    @Test
    void aMissingBuiltinIsReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TaskCatalog.load(env(), null, "dev/fleetdeck/task/brokenbuiltin/"));
        assertEquals("builtin:index.txt:1:1: lists \"gone.json\", which is missing", e.getMessage());
    }

    /** Guards the real built-ins, whoever adds them: each must read without error. */
    @Test
    void theShippedBuiltinsAllRead() throws Exception {
        TaskCatalog catalog = TaskCatalog.load(env(), null);
        for (TaskDef t : catalog.all()) assertTrue(t.source().startsWith("builtin:"), t.source());
    }
}

package dev.fleetdeck.task;

import dev.fleetdeck.json.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every task the operator can run, by id. Sources, later overriding earlier ones with the same id: the
 * built-ins (classpath, listed in {@code index.txt}), {@code $XDG_CONFIG_HOME/fleetdeck/tasks/*.json}
 * ({@code ~/.config} by default), then {@code <flake>/.fleetdeck/tasks/*.json} of the fleet's repository.
 */
public final class TaskCatalog {

    /** Classpath folder of the built-in tasks; its {@code index.txt} names one file per line. */
    public static final String BUILTIN_ROOT = "dev/fleetdeck/task/builtin/";

    private final Map<String, TaskDef> byId;

    private TaskCatalog(Map<String, TaskDef> byId) {
        this.byId = byId;
    }

    /**
     * @param env      environment variables (XDG_CONFIG_HOME, HOME)
     * @param flakeDir the fleet's flake repository, or {@code null}
     * @throws ConfigException for the first invalid task file, located
     */
    public static TaskCatalog load(Map<String, String> env, Path flakeDir) throws ConfigException {
        return load(env, flakeDir, BUILTIN_ROOT);
    }

    /** Like {@link #load(Map, Path)} with the built-ins taken from another classpath folder (for tests). */
    static TaskCatalog load(Map<String, String> env, Path flakeDir, String builtinRoot) throws ConfigException {
        Map<String, TaskDef> byId = new TreeMap<>();
        for (TaskDef t : builtins(builtinRoot)) byId.put(t.id(), t);
        for (TaskDef t : directory(userTasks(env))) byId.put(t.id(), t);
        if (flakeDir != null) for (TaskDef t : directory(flakeDir.resolve(".fleetdeck").resolve("tasks"))) byId.put(t.id(), t);
        return new TaskCatalog(byId);
    }

    public Optional<TaskDef> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public TaskDef get(String id) throws TaskNotFound {
        TaskDef task = byId.get(id);
        if (task != null) return task;
        throw new TaskNotFound("no task \"" + id + "\"" + TaskDoc.didYouMean(id, byId.keySet())
                + " (tasks: " + TaskReader.names(byId.keySet()) + ")");
    }

    /** Every task, ordered by id. */
    public List<TaskDef> all() {
        return List.copyOf(byId.values());
    }

    /** {@code $XDG_CONFIG_HOME/fleetdeck/tasks}; a relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
    static Path userTasks(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            config = Path.of(xdg);
        } else {
            String home = env.get("HOME");
            config = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")).resolve(".config");
        }
        return config.resolve("fleetdeck").resolve("tasks");
    }

    private static List<TaskDef> builtins(String root) throws ConfigException {
        List<TaskDef> tasks = new ArrayList<>();
        String index = resource(root + "index.txt");
        if (index == null) return tasks;
        for (String line : index.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            String text = resource(root + name);
            if (text == null) throw new ConfigException("builtin:index.txt", 1, 1, "lists \"" + name + "\", which is missing");
            tasks.add(TaskReader.parse("builtin:" + name, name, text));
        }
        return tasks;
    }

    private static List<TaskDef> directory(Path dir) throws ConfigException {
        List<TaskDef> tasks = new ArrayList<>();
        if (!Files.isDirectory(dir)) return tasks;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), 1, 1, "cannot list task files: " + e.getMessage());
        }
        files.sort(null);
        for (Path file : files) tasks.add(TaskReader.read(file, file.toString()));
        return tasks;
    }

    private static String resource(String name) {
        try (InputStream in = TaskCatalog.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

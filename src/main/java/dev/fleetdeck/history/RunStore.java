package dev.fleetdeck.history;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Recorded runs under {@code $XDG_STATE_HOME/fleetdeck/runs} ({@code ~/.local/state} when unset or relative):
 * {@code <runId>/run.json} and {@code <runId>/<host>/<stepId>.log}. Directories are 0700, files 0600.
 * The format is described in docs/history.md.
 * <p>
 * Reading never changes a file. A run whose recording process is gone is reported as interrupted; a run
 * whose run.json cannot be read is listed as unreadable rather than hiding the others.
 */
public final class RunStore {

    static final String RUN_FILE = "run.json";
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final int RECENT = 5;

    private final Path root;
    private final Predicate<RunOwner> alive;

    public RunStore(Path root) {
        this(root, RunOwner::alive);
    }

    /** @param alive whether a run's recording process still runs; tests replace it */
    RunStore(Path root, Predicate<RunOwner> alive) {
        this.root = root.toAbsolutePath().normalize();
        this.alive = alive;
    }

    /** The store for this user, from {@code XDG_STATE_HOME} or {@code HOME} in {@code env}. */
    public static RunStore forEnv(Map<String, String> env) {
        return new RunStore(defaultRoot(env));
    }

    public static Path defaultRoot(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path state;
        // The XDG spec says to ignore a relative value.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) state = Path.of(xdg);
        else {
            String home = env.get("HOME");
            state = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".local", "state");
        }
        return state.resolve("fleetdeck").resolve("runs");
    }

    public Path root() {
        return root;
    }

    /** A recorder writing log times in this machine's zone; failed writes go to {@code onError}. */
    public RunRecorder recorder(Consumer<IOException> onError) {
        return new RunRecorder(this, ZoneId.systemDefault(), onError);
    }

    RunRecorder recorder(ZoneId zone, Consumer<IOException> onError) {
        return new RunRecorder(this, zone, onError);
    }

    /** A fresh run id for {@code taskId} that no recorded run has. */
    public String newRunId(String taskId) {
        String id;
        do id = RunIds.next(taskId, Instant.now()); while (Files.exists(root.resolve(id)));
        return id;
    }

    // ---- reading

    /**
     * Runs, newest first, at most {@code limit}. With a host, only runs that included it (unreadable runs are
     * always listed: they might have).
     */
    public List<RunSummary> list(Optional<String> host, int limit) throws IOException {
        List<RunSummary> out = new ArrayList<>();
        for (String id : runIds()) {
            if (out.size() >= limit) break;
            RunSummary s = summary(id);
            if (host.isEmpty() || !s.readable() || s.hosts().contains(host.get())) out.add(s);
        }
        return out;
    }

    /**
     * The run with this id, or the only one whose id starts with it.
     *
     * @throws RunLookupException no run or several runs match
     * @throws IOException        its run.json cannot be read; the message names the file
     */
    public RunRecord load(String runIdOrUniquePrefix) throws RunLookupException, IOException {
        List<String> ids = runIds();
        String id = runIdOrUniquePrefix;
        if (!ids.contains(id)) {
            List<String> matches = ids.stream().filter(i -> i.startsWith(runIdOrUniquePrefix)).toList();
            if (matches.isEmpty() || runIdOrUniquePrefix.isEmpty()) {
                throw RunLookupException.unknown(runIdOrUniquePrefix, ids.subList(0, Math.min(RECENT, ids.size())));
            }
            if (matches.size() > 1) throw RunLookupException.ambiguous(runIdOrUniquePrefix, matches);
            id = matches.get(0);
        }
        Path file = runDir(id).resolve(RUN_FILE);
        try {
            return read(file);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": unreadable: " + problem(e), e);
        }
    }

    /** The raw lines of a step's log in the order written; empty when the step printed nothing. */
    public List<String> log(String runId, String host, String stepId) throws IOException {
        Path file = logFile(runId, host, stepId);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        // Split on \n only: a \r inside a line is part of the output (progress bars), not a line break.
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    /** The step's log parsed; lines not in the log format (a line cut short by a crash) are skipped. */
    public List<LogLine> logLines(String runId, String host, String stepId) throws IOException {
        return log(runId, host, stepId).stream().map(LogLine::parse).flatMap(Optional::stream).toList();
    }

    private List<String> runIds() throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(RunIds::safeSegment).sorted(Comparator.reverseOrder()).toList();
        }
    }

    private RunSummary summary(String id) {
        Path file = root.resolve(id).resolve(RUN_FILE);
        try {
            return RunSummary.of(read(file), file);
        } catch (IOException | RuntimeException e) {
            return RunSummary.unreadable(id, file, problem(e));
        }
    }

    private RunRecord read(Path file) throws IOException {
        RunRecord r = RunJson.decode(Files.readAllBytes(file));
        return r.status() == RunStatus.RUNNING && !alive.test(r.owner()) ? r.interrupted() : r;
    }

    private static String problem(Exception e) {
        if (e instanceof NoSuchFileException) return "no " + RUN_FILE;
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    // ---- paths and creation, for the recorder

    Path runDir(String runId) {
        return inside(RunIds.requireSafe("run id", runId));
    }

    void createRunDir(String runId) throws IOException {
        createPrivateDirs(runDir(runId));
    }

    /** Creates the host directory if needed and returns the log's path (the file is created on first write). */
    Path createLogFile(String runId, String host, String stepId) throws IOException {
        Path file = logFile(runId, host, stepId);
        createPrivateDirs(file.getParent());
        return file;
    }

    private Path logFile(String runId, String host, String stepId) {
        return inside(RunIds.requireSafe("run id", runId), RunIds.requireSafe("host", host),
                RunIds.requireSafe("step id", stepId) + ".log");
    }

    /** Ids are checked to be plain names already; this is the second lock on the door. */
    private Path inside(String... segments) {
        Path p = root;
        for (String s : segments) p = p.resolve(s);
        p = p.normalize();
        if (!p.startsWith(root) || p.equals(root)) throw new IllegalArgumentException("outside the run store: " + p);
        return p;
    }

    /** Creates {@code dir} and any missing parents as 0700, whatever the umask. */
    private static void createPrivateDirs(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.getParent();
        if (parent != null) createPrivateDirs(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            Files.setPosixFilePermissions(dir, DIR_MODE);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw e;
        }
    }

    static FileAttribute<Set<PosixFilePermission>> privateFile() {
        return PosixFilePermissions.asFileAttribute(FILE_MODE);
    }
}

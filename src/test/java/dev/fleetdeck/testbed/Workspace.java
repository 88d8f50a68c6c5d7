package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM-wide home of the test bed: one directory per JVM under {@code <tmp>/fleetdeck-testbed}, a shutdown hook
 * that closes whatever tests left open, and removal of what a killed JVM (SIGKILL runs no hook) left behind.
 */
final class Workspace {
    private static final Path BASE = Path.of(System.getProperty("java.io.tmpdir"), "fleetdeck-testbed");
    /** jvm-PID-STARTMILLIS: the start time tells a dead owner from a new process that reused its pid. */
    private static final Pattern OWNER = Pattern.compile("jvm-(\\d+)-(\\d+)");

    private static Workspace instance;

    private final Path ownerDir;
    private final AtomicInteger counter = new AtomicInteger();
    private final Deque<AutoCloseable> open = new ConcurrentLinkedDeque<>();

    static synchronized Workspace get() {
        if (instance == null) instance = new Workspace();
        return instance;
    }

    private Workspace() {
        long pid = ProcessHandle.current().pid();
        ownerDir = BASE.resolve("jvm-" + pid + "-" + Os.startMillis(pid).orElse(0L));
        cleanStaleOwners();
        if (Os.isRoot()) Netns.cleanStale();
        try {
            Files.createDirectories(ownerDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "fleetdeck-testbed-cleanup"));
    }

    /** A fresh directory, e.g. {@code testhosts-3}, removed at JVM exit at the latest. */
    Path newDir(String prefix) {
        try {
            return Files.createDirectories(ownerDir.resolve(prefix + "-" + counter.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(AutoCloseable resource) {
        open.push(resource);
    }

    void unregister(AutoCloseable resource) {
        open.remove(resource);
    }

    private void closeAll() {
        AutoCloseable resource;
        while ((resource = open.poll()) != null) {
            try {
                resource.close();
            } catch (Exception | AssertionError e) {
                System.err.println("fleetdeck test bed: cleanup at JVM exit failed: " + e);
            }
        }
        Os.deleteRecursively(ownerDir);
    }

    private void cleanStaleOwners() {
        if (!Files.isDirectory(BASE)) return;
        try (Stream<Path> owners = Files.list(BASE)) {
            for (Path dir : owners.toList()) {
                Matcher m = OWNER.matcher(dir.getFileName().toString());
                if (m.matches() && !isLive(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) {
                    killDaemonsUnder(dir);
                    Os.deleteRecursively(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + BASE, e);
        }
    }

    private static boolean isLive(long pid, long startMillis) {
        return Os.startMillis(pid).map(start -> start == startMillis).orElse(false);
    }

    /** sshd outlives a SIGKILLed JVM; its pid file leads to it, its command line proves the pid was not reused. */
    private static void killDaemonsUnder(Path dir) throws IOException {
        List<Path> pidFiles;
        try (Stream<Path> files = Files.walk(dir)) {
            pidFiles = files.filter(f -> f.getFileName().toString().equals(TestHost.PID_FILE)).toList();
        }
        for (Path pidFile : pidFiles) {
            long pid;
            try {
                pid = Long.parseLong(Files.readString(pidFile).trim());
            } catch (NumberFormatException | IOException e) {
                continue;
            }
            if (Os.commandLine(pid).contains(dir.toString())) {
                ProcessHandle.of(pid).ifPresent(ProcessTree::kill);
            }
        }
    }
}

package dev.fleetdeck.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Small facts about the local OS that the test bed needs; Linux only (it relies on /proc). */
public final class Os {
    private Os() {
    }

    /** Owner of /proc/self is the effective uid of this JVM, so no helper process is needed. */
    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public static String currentUser() {
        return System.getProperty("user.name");
    }

    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Start time of a process, to tell a live owner from an unrelated process that reused its pid. */
    public static Optional<Long> startMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(i -> i.toEpochMilli());
    }

    /** The command line of a process with NULs turned into spaces, or "" when it is gone. */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // Raced with another cleaner; the goal is reached either way.
                }
            }
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}

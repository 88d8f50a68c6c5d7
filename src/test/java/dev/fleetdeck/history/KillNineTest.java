package dev.fleetdeck.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.demo.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleetdeck killed with SIGKILL mid-run leaves a readable history that says so. */
class KillNineTest {

    private static final String DONE = "20250314-093012-uptime-done";
    private static final String KILLED = "20250314-093013-tail-kill";

    @TempDir
    Path dir;

    @Test
    void aKilledRunIsInterruptedAndEverythingBeforeItIsIntact() throws Exception {
        Path root = dir.resolve("runs");
        Path childLog = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordingChild.class.getName(),
                root.toString(), DONE, KILLED)
                .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        RunStore store = new RunStore(root);
        try {
            Await.until(Duration.ofSeconds(30), () -> !child.isAlive() || lines(store).size() >= 20,
                    "the second run to stream output");
            assertTrue(child.isAlive(), () -> "child died: " + read(childLog));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the child
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        RunRecord done = store.load(DONE);
        assertEquals(RunStatus.PASSED, done.status());
        assertEquals(StepStatus.PASSED, done.steps("alpha").get(0).status());
        assertEquals(List.of("up 3 days"), store.logLines(DONE, "alpha", "uptime").stream().map(LogLine::text).toList());

        RunRecord killed = store.load(KILLED);
        assertEquals(RunStatus.INTERRUPTED, killed.status());
        assertNull(killed.finishedAt());
        assertEquals(List.of(StepStatus.PASSED, StepStatus.INTERRUPTED, StepStatus.PENDING),
                killed.steps("alpha").stream().map(StepRecord::status).toList());
        assertEquals(List.of("warmed up"), store.logLines(KILLED, "alpha", "warmup").stream().map(LogLine::text).toList());
        List<String> follow = lines(store);
        assertTrue(follow.size() >= 20, follow.toString());
        for (int i = 0; i < follow.size(); i++) {
            assertTrue(follow.get(i).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} O line " + i), follow.get(i));
        }

        assertEquals(List.of(KILLED, DONE), store.list(Optional.empty(), 10).stream().map(RunSummary::runId).toList());
        ObjectMapper json = new ObjectMapper();
        for (String id : List.of(DONE, KILLED)) {
            assertTrue(json.readTree(root.resolve(id).resolve("run.json").toFile()).isObject(), id);
        }
    }

    private static List<String> lines(RunStore store) {
        try {
            return store.log(KILLED, "alpha", "follow");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}

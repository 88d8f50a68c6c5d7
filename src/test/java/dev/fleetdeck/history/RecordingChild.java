package dev.fleetdeck.history;

import dev.fleetdeck.task.StepStatus;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Run in a separate JVM by {@link KillNineTest}: records one complete run, then a second one whose "follow"
 * step prints lines until the JVM is killed.
 * Arguments: store root, first run id, second run id.
 */
public final class RecordingChild {

    public static void main(String[] args) {
        RunRecorder rec = new RunStore(Path.of(args[0])).recorder(e -> {
            throw new UncheckedIOException(e);
        });
        SampleRuns.passedOnOneHost(rec, args[1], "alpha", Instant.now());

        RunScript r = new RunScript(rec, args[2]);
        r.start(Instant.now(), "tail", List.of("alpha"), Map.of(), "warmup", "follow", "after");
        r.step(Instant.now(), "alpha", "warmup", 1);
        r.out(Instant.now(), "alpha", "warmup", "warmed up");
        r.finish(Instant.now(), "alpha", "warmup", StepStatus.PASSED, Duration.ofMillis(1), 0, "ok", null);
        r.step(Instant.now(), "alpha", "follow", 1);
        for (long i = 0; ; i++) {
            r.out(Instant.now(), "alpha", "follow", "line " + i);
            LockSupport.parkNanos(200_000); // pacing only, so the log does not grow by megabytes a second
        }
    }
}

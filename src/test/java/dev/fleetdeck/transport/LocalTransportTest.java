package dev.fleetdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.fleetdeck.demo.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTransportTest {

    @TempDir
    Path dir;

    @Test
    void runsAndStreams() throws Exception {
        try (Transport t = new LocalTransport()) {
            Lines lines = new Lines();
            ExecResult r = t.exec(Command.shell("echo a; echo b >&2; exit 7"), lines).result().get(30, TimeUnit.SECONDS);
            assertEquals(new ExecResult.Exited(7), r);
            assertEquals(List.of("a"), lines.stdout());
            assertEquals(List.of("b"), lines.stderr());
        }
    }

    @Test
    void timeoutKillsChildrenToo() throws Exception {
        Path pidFile = dir.resolve("child");
        try (Transport t = new LocalTransport()) {
            Execution e = t.exec(Command.shell("sleep 300 & echo $! > " + pidFile + "; wait")
                    .withTimeout(Duration.ofMillis(500)), OutputListener.IGNORE);
            assertInstanceOf(ExecResult.TimedOut.class, e.result().get(30, TimeUnit.SECONDS));
            long child = Long.parseLong(Files.readString(pidFile).trim());
            Await.until(Duration.ofSeconds(10), () -> !ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
                    "child killed");
        }
    }

    @Test
    void longLinesAreCutNotHoarded() throws Exception {
        try (Transport t = new LocalTransport()) {
            Lines lines = new Lines();
            t.exec(Command.shell("head -c 200000 /dev/zero | tr '\\0' x"), lines).result().get(30, TimeUnit.SECONDS);
            assertEquals(200000, lines.stdout().stream().mapToInt(String::length).sum());
            assertEquals(4, lines.stdout().size(), "64 KiB pieces");
        }
    }
}

package dev.fleetdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fleetdeck.demo.Await;
import dev.fleetdeck.testbed.TestHost;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What every remote transport promises about cancel: the result says so and the remote shell is gone. */
final class CancelContract {

    private CancelContract() {
    }

    static void cancelKillsTheRemoteShell(Transport t, TestHost h) throws Exception {
        Lines lines = new Lines();
        Execution e = t.exec(Command.shell("echo $$ > \"$FLEETDECK_TEST_ROOT/pid\"; echo started; sleep 300"), lines);
        Await.until(Duration.ofSeconds(15), () -> lines.has("started"), "command started");
        long pid = Long.parseLong(Files.readString(h.root().resolve("pid")).trim());
        e.cancel();
        assertEquals(new ExecResult.Cancelled(), e.result().get(30, TimeUnit.SECONDS));
        Await.until(Duration.ofSeconds(10), () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "remote shell killed");
        assertEquals(new ExecResult.Exited(0), t.exec(Command.shell("true"), OutputListener.IGNORE).result()
                .get(30, TimeUnit.SECONDS), "the transport stays usable");
    }
}

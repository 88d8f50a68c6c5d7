package dev.fleetdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fleetdeck.demo.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kill script must work whatever shell reads it: dash rejects {@code kill -- -PGID}. */
class RemoteScriptTest {

    @Test
    void killScriptKillsAProcessGroupUnderDashAndBash() throws Exception {
        for (String shell : List.of("dash", "bash")) {
            // setsid makes the sleeping shell a group leader, as sshd makes every session command.
            Process group = new ProcessBuilder("setsid", "sh", "-c", "sleep 300 & wait").start();
            long pgid = group.pid();
            Process kill = new ProcessBuilder(shell, "-c", RemoteScript.killScript(pgid)).redirectErrorStream(true)
                    .start();
            String out = new String(kill.getInputStream().readAllBytes());
            assertEquals(0, kill.waitFor(), shell + ": " + out);
            assertEquals("", out, shell);
            Await.until(Duration.ofSeconds(10), () -> !group.isAlive(), shell + ": the group is gone");
        }
    }
}

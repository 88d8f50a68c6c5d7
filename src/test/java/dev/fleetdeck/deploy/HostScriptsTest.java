package dev.fleetdeck.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every script the deploy sends to a host is valid POSIX sh, and the guard's commands are the ones documented. */
class HostScriptsTest {

    private final GuardScript guard = new GuardScript("r1", "/nix/store/abc-nixos-system-x", Duration.ofSeconds(90),
            Duration.ofSeconds(60));
    private final RemoteLock lock = new RemoteLock("r1", "r1", Duration.ofMinutes(40));

    @Test
    void scriptsParse() throws Exception {
        for (String script : List.of(guard.arm(), guard.disarm("/nix/store/new"), guard.fireNow(), guard.probe(),
                GuardScript.BODY, lock.acquire(), lock.refresh(), lock.release(),
                Engine.remoteActivation("r1", Goal.SWITCH, "abc-nixos-system-x"))) {
            Process p = new ProcessBuilder("sh", "-n", "-c", script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), script + "\n" + out);
        }
    }

    @Test
    void guardIsATransientTimerThatRestoresTheProfileAndSwitches() {
        String arm = guard.arm();
        assertTrue(arm.contains("systemd-run --collect --no-ask-password --quiet --unit=fleetdeck-guard-r1 --on-active=90s"), arm);
        assertTrue(GuardScript.BODY.contains("nix-env -p \"$profile\" --set \"$prev\""));
        assertTrue(GuardScript.BODY.contains("\"$prev/bin/switch-to-configuration\" switch"));
        assertTrue(GuardScript.BODY.contains("flock -w \"$wait\" -x \"$lock\" true"));
        assertTrue(guard.disarm("/x").contains("systemctl stop fleetdeck-guard-r1.timer"));
    }
}

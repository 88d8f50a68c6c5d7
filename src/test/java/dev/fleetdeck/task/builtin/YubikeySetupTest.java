package dev.fleetdeck.task.builtin;

import static dev.fleetdeck.task.StepStatus.ABSENT;
import static dev.fleetdeck.task.StepStatus.FAILED;
import static dev.fleetdeck.task.StepStatus.PASSED;
import static dev.fleetdeck.task.StepStatus.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.demo.SimulatedNixos;
import dev.fleetdeck.demo.SimulatedNixos.YubiKey;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** yubikey-setup with a simulated key (ykman fake), real git SSH signatures and real files. */
class YubikeySetupTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @Test
    void aCompleteSetupPassesAnAbsentKeyIsNotAFailureAMissingU2fLineFails() throws Exception {
        TestHost complete = hosts.start();
        SimulatedNixos.install(complete).yubikey(YubiKey.PRESENT).yubikeyConfigured();

        TestHost noKey = hosts.start();
        SimulatedNixos.install(noKey).yubikey(YubiKey.ABSENT).yubikeyConfigured();

        TestHost noU2f = hosts.start();
        SimulatedNixos noU2fSim = SimulatedNixos.install(noU2f).yubikey(YubiKey.PRESENT);
        noU2fSim.yubikeyConfigured();
        Files.writeString(noU2fSim.home().resolve(".config/Yubico/u2f_keys"), "someoneelse:aGFuZGxl,a2V5,es256,+presence\n");

        List<String> asked = new CopyOnWriteArrayList<>();
        ManualConfirmer human = (host, title, instructions) -> asked.add(host.name() + ": " + title);
        BuiltinRun run = BuiltinRun.run(hosts, "yubikey-setup", List.of(complete.asHost("complete"),
                noKey.asHost("no-key"), noU2f.asHost("no-u2f")), Map.of("repo", "nix-config"), human);

        run.expectAllPassedExcept("complete", Map.of());
        run.expect("complete", "key-present", PASSED, "YubiKey serial: 21436587");
        run.expect("complete", "fido-pin", PASSED, "8 attempt(s) remaining");
        run.expect("complete", "head-signed", PASSED, "HEAD: G ");

        run.expectMessage("no-key", "key-present", ABSENT, "No YubiKey detected");
        run.expect("no-key", "fido-pin", SKIPPED, null);
        run.expect("no-key", "touch-sudo", SKIPPED, null);
        run.expect("no-key", "touch-ssh", SKIPPED, null);
        run.expect("no-key", "u2f-keys", PASSED, null);
        run.expect("no-key", "head-signed", PASSED, null);

        run.expectMessage("no-u2f", "u2f-keys", FAILED, "u2f_keys has no line for user " + System.getProperty("user.name"));
        run.expect("no-u2f", "pam-sudo", SKIPPED, null);

        // Only the complete host got as far as the manual steps, and a human was asked for each.
        assertEquals(List.of("complete: Touch to sudo", "complete: Log in with the FIDO SSH key (PIN + touch)"), asked);
        assertTrue(run.result.byHost().get("no-key").stream().noneMatch(o -> o.status().failure()));
    }

    @Test
    void aKeyWithoutPinAndAnUnsignedHeadFail() throws Exception {
        TestHost noPin = hosts.start();
        SimulatedNixos.install(noPin).yubikey(YubiKey.PRESENT_NO_PIN).yubikeyConfigured();
        TestHost unsigned = hosts.start();
        SimulatedNixos u = SimulatedNixos.install(unsigned).yubikey(YubiKey.ABSENT);
        u.unsignedCommit(u.yubikeyConfigured());

        BuiltinRun run = BuiltinRun.run(hosts, "yubikey-setup", List.of(noPin.asHost("no-pin"),
                unsigned.asHost("unsigned")), Map.of("repo", "nix-config"), ManualConfirmer.NOBODY);
        run.expectMessage("no-pin", "fido-pin", FAILED, "no FIDO2 PIN is set");
        run.expectMessage("unsigned", "head-signed", FAILED, "HEAD of nix-config is not signed");
    }
}

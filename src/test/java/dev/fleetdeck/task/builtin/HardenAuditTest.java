package dev.fleetdeck.task.builtin;

import static dev.fleetdeck.task.StepStatus.FAILED;
import static dev.fleetdeck.task.StepStatus.PASSED;
import static dev.fleetdeck.task.StepStatus.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.demo.SimulatedNixos;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHostOptions;
import dev.fleetdeck.testbed.TestHosts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** harden-audit reads the real effective config (sshd -T) of the very sshd each test host runs. */
class HardenAuditTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @Test
    void passesOnAHardenedHostAndFailsWeakOnes() throws Exception {
        TestHost hardened = hosts.start();
        SimulatedNixos.install(hardened);
        TestHost passwords = hosts.start(TestHostOptions.defaults().withSshdConfig("PasswordAuthentication yes"));
        SimulatedNixos.install(passwords);
        TestHost rootLogin = hosts.start(TestHostOptions.defaults().withSshdConfig("PermitRootLogin yes"));
        SimulatedNixos.install(rootLogin);
        TestHost noFail2ban = hosts.start();
        SimulatedNixos.install(noFail2ban).stopUnit("fail2ban.service");
        TestHost noAuditd = hosts.start();
        SimulatedNixos.install(noAuditd).failUnit("auditd.service");

        BuiltinRun run = BuiltinRun.run(hosts, "harden-audit", List.of(hardened.asHost("hardened"),
                passwords.asHost("passwords"), rootLogin.asHost("root-login"), noFail2ban.asHost("no-fail2ban"),
                noAuditd.asHost("no-auditd")), Map.of(), ManualConfirmer.NOBODY);

        run.expectAllPassedExcept("hardened", Map.of());
        run.expectMessage("passwords", "password-auth", FAILED, "passwordauthentication yes");
        run.expect("passwords", "kbd-interactive", SKIPPED, null);
        run.expect("root-login", "password-auth", PASSED, null);
        run.expectMessage("root-login", "root-login", FAILED, "permitrootlogin yes");
        run.expectMessage("no-fail2ban", "fail2ban", FAILED, "fail2ban.service is inactive");
        run.expect("no-auditd", "fail2ban", PASSED, null);
        run.expectMessage("no-auditd", "auditd", FAILED, "auditd.service is failed");
        assertFalse(run.result.passed());
    }
}

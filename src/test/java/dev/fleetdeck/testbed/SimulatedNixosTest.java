package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulated NixOS host seen through a real SSH login, as the built-in tasks see it. */
class SimulatedNixosTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    static TestHost host;
    static SimulatedNixos sim;

    @BeforeAll
    static void start() {
        host = hosts.start();
        sim = SimulatedNixos.install(host);
    }

    static Exec.Result ssh(String command) {
        return Exec.run(TestHosts.sshCommand(host, command));
    }

    @Test
    void absoluteHostPathsAreRelocatedIntoTheRoot() {
        Exec.Result r = ssh("echo \"$FLEETDECK_ROOT\"; readlink -f \"${FLEETDECK_ROOT:-}/nix/var/nix/profiles/system\";"
                + " readlink -f \"${FLEETDECK_ROOT:-}/run/current-system\"; nixos-version");
        String[] lines = r.stdout().split("\n");
        assertEquals(host.root().toString(), lines[0]);
        assertEquals(lines[1], lines[2], "profile and current system agree on a fresh host");
        assertTrue(lines[1].startsWith(host.root() + "/nix/store/"), lines[1]);
        assertEquals(SimulatedNixos.RELEASE + " (Vicuna)", lines[3]);
    }

    @Test
    void systemctlFakeFollowsTheUnitStates() {
        TestHost h = hosts.start();
        SimulatedNixos s = SimulatedNixos.install(h);
        Exec.Result running = Exec.run(TestHosts.sshCommand(h, "systemctl is-system-running"));
        assertEquals(0, running.exitCode());
        assertEquals("running", running.stdout().trim());
        s.failUnit("nginx.service");
        Exec.Result degraded = Exec.run(TestHosts.sshCommand(h, "systemctl is-system-running"));
        assertEquals(1, degraded.exitCode());
        assertEquals("degraded", degraded.stdout().trim());
        Exec.Result failed = Exec.run(TestHosts.sshCommand(h, "systemctl --failed --no-legend --plain --no-pager"));
        assertTrue(failed.stdout().startsWith("nginx.service loaded failed failed"), failed.stdout());
        Exec.Result active = Exec.run(TestHosts.sshCommand(h, "systemctl is-active nginx sshd"));
        assertEquals(3, active.exitCode());
        assertEquals("failed\nactive\n", active.stdout());
        Exec.Result result = Exec.run(TestHosts.sshCommand(h, "systemctl show -p Result --value nginx.service"));
        assertEquals("exit-code", result.stdout().trim());
    }

    @Test
    void ykmanFakeBehavesLikeYkmanWithAndWithoutAKey() {
        sim.yubikey(SimulatedNixos.YubiKey.ABSENT);
        Exec.Result list = ssh("ykman list --serials");
        assertEquals(0, list.exitCode());
        assertEquals("", list.stdout());
        Exec.Result info = ssh("ykman info");
        assertEquals(1, info.exitCode());
        assertTrue(info.stderr().contains("No YubiKey detected!"), info.stderr());
        sim.yubikey(SimulatedNixos.YubiKey.PRESENT);
        assertEquals("21436587\n", ssh("ykman list --serials").stdout());
        assertTrue(ssh("ykman fido info").stdout().contains("PIN:                8 attempt(s) remaining"));
    }

    @Test
    void nvidiaSmiFakeFailsLikeTheRealOneWithoutADriver() {
        sim.gpu(null, null);
        Exec.Result none = ssh("nvidia-smi --query-gpu=name,driver_version --format=csv,noheader");
        assertEquals(9, none.exitCode());
        sim.gpu("570.86.16", "12.8");
        assertEquals("NVIDIA GeForce RTX 5090, 570.86.16\n",
                ssh("nvidia-smi --query-gpu=name,driver_version --format=csv,noheader").stdout());
        assertTrue(ssh("nvidia-smi").stdout().contains("CUDA Version: 12.8"));
    }

    @Test
    void sshdDashTIsTheRealEffectiveConfigOfThisHost() {
        Exec.Result r = ssh("sshd -T");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().contains("\npasswordauthentication no\n"), r.stdout());
        assertTrue(("\n" + r.stdout()).contains("\nport " + host.port() + "\n"), "it is this host's config");
        assertEquals(1, ssh("sshd -D").exitCode(), "the wrapper never starts a daemon");
    }

    @Test
    void borgFixtureIsARealRepositoryAndTheCorruptorBreaksIt() {
        TestHost h = hosts.start();
        BorgFixture f = BorgFixture.create(SimulatedNixos.install(h), "nas").archive(Instant.now().minus(Duration.ofDays(2)));
        String env = "export BORG_PASSCOMMAND='" + f.passCommand() + "' BORG_REPO='" + f.repository() + "'; ";
        Exec.Result list = Exec.run(TestHosts.sshCommand(h, env + "TZ=UTC borg list --json --last 1"));
        assertEquals(0, list.exitCode(), list.describe());
        assertTrue(list.stdout().contains("\"start\": \""), list.stdout());
        assertEquals(0, Exec.run(TestHosts.sshCommand(h, env + "borg check --repository-only")).exitCode());
        f.corruptSegment();
        Exec.Result check = Exec.run(TestHosts.sshCommand(h, env + "borg check --repository-only"));
        assertEquals(1, check.exitCode(), check.describe());
    }
}

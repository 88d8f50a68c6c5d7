package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.Host;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test bed checked against the real OpenSSH client, so later tests can trust it. */
class TestBedTest {
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @Test
    void remoteCommandSeesTestRootAndBinDirFirstOnPath() throws IOException {
        TestHost host = hosts.start();
        // hostname exists in /bin too: the stand-in must win, not merely be on PATH.
        standIn(host, "hostname", "echo stand-in hostname");

        Exec.Result r = ssh(TestHosts.sshCommand(host,
                "echo \"$FLEETDECK_TEST_ROOT\"; echo \"$PATH\"; hostname; id -un; exit 3"));

        assertEquals(3, r.exitCode(), r.describe());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(host.root().toString(), lines.get(0));
        assertTrue(lines.get(1).startsWith(host.binDir() + ":"), "PATH " + lines.get(1));
        assertEquals("stand-in hostname", lines.get(2));
        assertEquals(host.user(), lines.get(3));
        assertEquals(4, lines.size(), "nothing but the command's output: " + r.stdout());
    }

    @Test
    void hostKeyFactsMatchOpenSsh() throws IOException {
        TestHost host = hosts.start();
        Path pub = Files.writeString(hosts.dir().resolve("served-key.pub"), host.hostKeyPublic() + "\n");

        String scanned = Exec.check("ssh-keyscan", "-t", "ed25519", "-p", Integer.toString(host.port()),
                host.address());

        assertEquals(SshKeys.keygenFingerprint(pub), host.hostKeyFingerprint());
        assertTrue(host.hostKeyPublic().startsWith("ssh-ed25519 AAAA"), host.hostKeyPublic());
        assertEquals("[127.0.0.1]:" + host.port() + " " + host.hostKeyPublic(), host.knownHostsLine());
        assertEquals(host.knownHostsLine(), scanned.trim(), "the key sshd really serves");
        assertEquals(List.of(host.knownHostsLine()), Files.readAllLines(host.knownHostsFile()));
    }

    @Test
    void stopSshdRefusesConnectionsAndStartSshdBringsItBack() {
        TestHost host = hosts.start();
        String fingerprint = host.hostKeyFingerprint();

        host.stopSshd();
        assertThrows(ConnectException.class, () -> new Socket(host.address(), host.port()).close());
        Exec.Result refused = ssh(TestHosts.sshCommand(host, "true"));
        assertEquals(255, refused.exitCode(), refused.describe());
        assertTrue(refused.stderr().contains("Connection refused"), refused.describe());

        host.startSshd();
        assertOk(ssh(TestHosts.sshCommand(host, "true")));
        assertEquals(fingerprint, host.hostKeyFingerprint());
    }

    @Test
    void regenerateHostKeyChangesTheKeyOpenSshSees() throws IOException {
        TestHost host = hosts.start();
        Path oldKnownHosts = Files.copy(host.knownHostsFile(), hosts.dir().resolve("old_known_hosts"));
        String before = host.hostKeyFingerprint();

        host.regenerateHostKey();

        assertNotEquals(before, host.hostKeyFingerprint());
        Exec.Result changed = ssh(SshCommand.to(host).knownHosts(oldKnownHosts).command("true"));
        assertEquals(255, changed.exitCode(), changed.describe());
        assertTrue(changed.stderr().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), changed.describe());
        assertOk(ssh(TestHosts.sshCommand(host, "true")));
    }

    @Test
    void freezeHoldsOutputUntilThaw() throws Exception {
        TestHost host = hosts.start();
        Path started = host.root().resolve("started");
        Path go = host.root().resolve("go");
        Path done = host.root().resolve("done");
        Path out = hosts.dir().resolve("freeze.out");
        // The remote side waits for "go" instead of sleeping, so the test decides when "hi" is written.
        Process ssh = new ProcessBuilder(TestHosts.sshCommand(host, "cd \"$FLEETDECK_TEST_ROOT\"; touch started;"
                + " while [ ! -e go ]; do sleep 0.01; done; echo hi; touch done"))
                .redirectOutput(out.toFile())
                .redirectError(hosts.dir().resolve("freeze.err").toFile())
                .start();
        try {
            Await.until(WAIT, () -> Files.exists(started), "remote command to start");
            host.freeze();
            Files.createFile(go);
            Await.until(WAIT, () -> Files.exists(done), "remote command to finish while sshd is frozen");

            assertEquals("", Files.readString(out), "output must wait in the frozen sshd");
            assertTrue(ssh.isAlive());
            assertFalse(SshdProcess.answersBanner(host.address(), host.port()), "a frozen sshd sends no banner");

            host.thaw();
            assertTrue(ssh.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "ssh to finish after thaw");
            assertEquals(0, ssh.exitValue());
            assertEquals("hi\n", Files.readString(out));
        } finally {
            ssh.destroyForcibly();
        }
    }

    @Test
    void everyUserKeyIsAuthorizedAndAuthorizeAddsKeysPerHost() throws IOException {
        TestHost host = hosts.start();
        TestHost other = hosts.start();

        assertOk(ssh(SshCommand.to(host).identity(host.rsaUserKey()).command("true")));
        assertOk(ssh(SshCommand.to(host).identity(host.ecdsaUserKey()).command("true")));
        assertOk(ssh(SshCommand.to(other).identity(other.userKey()).command("true")));

        Path askpass = Files.writeString(hosts.dir().resolve("askpass"),
                "#!/bin/sh\necho '" + host.encryptedKeyPassphrase() + "'\n");
        assertTrue(askpass.toFile().setExecutable(true));
        ProcessBuilder withPassphrase = new ProcessBuilder(SshCommand.to(host).identity(host.encryptedUserKey())
                .option("BatchMode=no").command("true"));
        withPassphrase.environment().put("SSH_ASKPASS", askpass.toString());
        withPassphrase.environment().put("SSH_ASKPASS_REQUIRE", "force");
        assertOk(Exec.run(withPassphrase, null, SSH_TIMEOUT));

        Path ownKey = SshKeys.generate("ed25519", hosts.dir().resolve("own_key"), "", "own");
        assertDenied(ssh(SshCommand.to(host).identity(ownKey).command("true")));
        host.authorize(SshKeys.publicFile(ownKey));
        assertOk(ssh(SshCommand.to(host).identity(ownKey).command("true")));
        assertDenied(ssh(SshCommand.to(other).identity(ownKey).command("true")));
    }

    @Test
    void asHostDescribesTheEndpoint() {
        TestHost host = hosts.start();

        Host fleetHost = host.asHost("web1");

        assertEquals("web1", fleetHost.name());
        assertEquals("127.0.0.1", fleetHost.address());
        assertEquals(host.port(), fleetHost.port());
        assertEquals(host.user(), fleetHost.user());
        assertEquals(List.of(host.userKey().toString()), fleetHost.identityFiles());
        assertEquals(host.knownHostsLine(), fleetHost.knownHostsName() + " " + host.hostKeyPublic());
    }

    @Test
    void startFailureReportsTheSshdLog() {
        Throwable e = assertThrows(IllegalStateException.class,
                () -> hosts.start(TestHostOptions.defaults().withSshdConfig("NoSuchKeyword yes")));

        assertTrue(e.getMessage().contains("NoSuchKeyword"), e.getMessage());
    }

    @Test
    void fixedPortInUseIsReported() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Throwable e = assertThrows(SshdProcess.PortInUseException.class,
                    () -> hosts.start(TestHostOptions.defaults().withPort(taken.getLocalPort())));

            assertTrue(e.getMessage().contains("Address already in use"), e.getMessage());
        }
    }

    @Test
    void closeKillsSessionsAndDeletesTheHost() throws Exception {
        TestHost host = hosts.start();
        Path pidFile = host.root().resolve("pid");
        Process ssh = new ProcessBuilder(TestHosts.sshCommand(host,
                "echo $$ > \"$FLEETDECK_TEST_ROOT/pid.tmp\"; mv \"$FLEETDECK_TEST_ROOT/pid.tmp\" \"$FLEETDECK_TEST_ROOT/pid\";"
                        + " exec sleep 600"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Await.until(WAIT, () -> Files.exists(pidFile), "remote sleep to start");
            long sleepPid = Long.parseLong(Files.readString(pidFile).trim());

            host.close();

            Await.until(WAIT, () -> !running(sleepPid), "remote command to be killed");
            assertTrue(ssh.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "client to notice");
            assertFalse(Files.exists(host.dir()));
        } finally {
            ssh.destroyForcibly();
        }
    }

    @Test
    void startsManyHostsCheaply() {
        int count = 10;
        long t0 = System.nanoTime();
        List<TestHost> many = new ArrayList<>();
        for (int i = 0; i < count; i++) many.add(hosts.start());
        long perHostMs = (System.nanoTime() - t0) / 1_000_000 / count;

        Set<Integer> ports = new HashSet<>();
        for (TestHost h : many) {
            assertTrue(SshdProcess.answersBanner(h.address(), h.port()));
            ports.add(h.port());
        }
        assertEquals(count, ports.size());
        System.out.println("test bed: " + perHostMs + " ms per host start");
        many.forEach(TestHost::close);
    }

    @Test
    void netnsHostLinkDownHangsAndLinkUpRestores() {
        TestHost host = hosts.startInNetns();
        String netns = host.netnsName();
        assertEquals(22, host.port());
        assertTrue(host.address().startsWith("10.250."), host.address());
        assertEquals(host.address() + " " + host.hostKeyPublic(), host.knownHostsLine());
        Exec.Result before = ssh(TestHosts.sshCommand(host, "echo \"$FLEETDECK_TEST_ROOT\""));
        assertOk(before);
        assertEquals(host.root().toString(), before.stdout().trim());

        host.linkDown();
        long t0 = System.nanoTime();
        Exec.Result cut = ssh(SshCommand.to(host).option("ConnectTimeout=2").command("true"));
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(255, cut.exitCode(), cut.describe());
        assertTrue(cut.stderr().contains("timed out"), "must hang, not be refused: " + cut.describe());
        assertTrue(waitedMs >= 1900, "returned after " + waitedMs + " ms");

        host.linkUp();
        assertOk(ssh(TestHosts.sshCommand(host, "true")));

        host.close();
        assertFalse(Exec.check("ip", "netns", "list").contains(netns + " "), "namespace removed");
        assertFalse(Exec.run(List.of("ip", "link", "show", "fdh" + netns.substring(4))).ok(), "veth removed");
    }

    @Test
    void awaitNamesWhatItWaitedFor() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until(Duration.ofMillis(20), () -> false, "the impossible"));

        assertTrue(e.getMessage().contains("the impossible"), e.getMessage());
    }

    private static Exec.Result ssh(List<String> argv) {
        return Exec.run(argv, SSH_TIMEOUT);
    }

    private static void assertOk(Exec.Result result) {
        assertEquals(0, result.exitCode(), result.describe());
    }

    private static void assertDenied(Exec.Result result) {
        assertEquals(255, result.exitCode(), result.describe());
        assertTrue(result.stderr().contains("Permission denied"), result.describe());
    }

    private static void standIn(TestHost host, String name, String script) throws IOException {
        Path file = Files.writeString(host.binDir().resolve(name), "#!/bin/sh\n" + script + "\n");
        assertTrue(file.toFile().setExecutable(true));
    }

    /** Alive and not a zombie: killed orphans stay zombies until init reaps them. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}

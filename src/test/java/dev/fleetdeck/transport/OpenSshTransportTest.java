package dev.fleetdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.fleet.TransportKind;
import dev.fleetdeck.demo.Await;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The OpenSSH-client transport against real sshd: same contract as sshj. */
class OpenSshTransportTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @TempDir
    Path home;

    private Transport open(TestHost h, Path knownHosts) {
        Host host = h.asHost("o").withTransport(TransportKind.OPENSSH);
        SshSettings s = SshSettings.fromEnvironment(Map.of("HOME", home.toString()))
                .withKnownHosts(knownHosts).withDefaultIdentities(List.of()).withAgentSocket(null);
        return Transports.open(host, s);
    }

    @Test
    void streamsLinesAndTellsRemoteExit255FromSshFailure() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = open(h, h.knownHostsFile())) {
            Lines lines = new Lines();
            ExecResult r = t.exec(Command.shell("echo out; echo err >&2; exit 255"), lines).result()
                    .get(60, TimeUnit.SECONDS);
            assertEquals(new ExecResult.Exited(255), r, "a remote exit 255 is an exit, not a failed ssh");
            assertEquals(List.of("out"), lines.stdout());
            assertEquals(List.of("err"), lines.stderr());
        }
    }

    @Test
    void unknownHostKeyIsNeverAccepted() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = open(h, home.resolve("empty_known_hosts"))) {
            ExecResult r = t.exec(Command.shell("echo hi"), OutputListener.IGNORE).result().get(60, TimeUnit.SECONDS);
            TransportException e = assertInstanceOf(ExecResult.NotStarted.class, r, r.toString()).cause();
            assertEquals(TransportException.Kind.HOST_KEY_UNKNOWN, e.kind(), e.getMessage());
        }
    }

    @Test
    void changedHostKeyIsRefused() throws Exception {
        TestHost h = hosts.start();
        Path kh = home.resolve("kh");
        Files.copy(h.knownHostsFile(), kh);
        h.regenerateHostKey();
        try (Transport t = open(h, kh)) {
            ExecResult r = t.exec(Command.shell("echo hi"), OutputListener.IGNORE).result().get(60, TimeUnit.SECONDS);
            TransportException e = assertInstanceOf(ExecResult.NotStarted.class, r, r.toString()).cause();
            assertEquals(TransportException.Kind.HOST_KEY_CHANGED, e.kind(), e.getMessage());
        }
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        TestHost h = hosts.start();
        h.stopSshd();
        try (Transport t = open(h, h.knownHostsFile())) {
            ExecResult r = t.exec(Command.shell("true"), OutputListener.IGNORE).result().get(60, TimeUnit.SECONDS);
            TransportException e = assertInstanceOf(ExecResult.NotStarted.class, r, r.toString()).cause();
            assertEquals(TransportException.Kind.UNREACHABLE, e.kind(), e.getMessage());
        } finally {
            h.startSshd();
        }
    }

    @Test
    void cancelKillsTheRemoteCommand() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = open(h, h.knownHostsFile())) {
            CancelContract.cancelKillsTheRemoteShell(t, h);
        }
    }

    @Test
    void probeConnects() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = open(h, h.knownHostsFile())) {
            assertTrue(t.probe().toMillis() >= 0);
        }
    }
}

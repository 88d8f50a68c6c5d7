package dev.fleetdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.demo.Await;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.transport.ssh.SshjTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sshj transport against real OpenSSH daemons. */
class SshjTransportTest {

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path home;

    private SshSettings settings(TestHost h) {
        return SshSettings.fromEnvironment(Map.of("HOME", home.toString()))
                .withKnownHosts(h.knownHostsFile())
                .withDefaultIdentities(List.of());
    }

    private static ExecResult run(Transport t, String script, Lines lines) throws Exception {
        return t.exec(Command.shell(script).withTimeout(Duration.ofSeconds(30)), lines).result().get(60, TimeUnit.SECONDS);
    }

    @Test
    void firstLineArrivesWhileTheCommandStillRuns() throws Exception {
        TestHost h = hosts.start();
        Path gate = h.root().resolve("go");
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            Lines lines = new Lines();
            Execution e = t.exec(Command.shell("echo first; while [ ! -e \"$FLEETDECK_TEST_ROOT/go\" ]; do sleep 0.05; done;"
                    + " echo second"), lines);
            Await.until(Duration.ofSeconds(15), () -> lines.has("first"), "first line");
            assertFalse(e.result().isDone(), "the command must still be running when its first line arrives");
            Files.createFile(gate);
            assertEquals(new ExecResult.Exited(0), e.result().get(15, TimeUnit.SECONDS));
            assertEquals(List.of("first", "second"), lines.stdout());
        }
    }

    @Test
    void stdoutStderrAndExitStatusAreReportedApart() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            Lines lines = new Lines();
            ExecResult r = run(t, "echo out; echo err >&2; printf 'no newline'; exit 3", lines);
            assertEquals(new ExecResult.Exited(3), r);
            assertEquals(List.of("out", "no newline"), lines.stdout());
            assertEquals(List.of("err"), lines.stderr(), "the pid marker must never show as output");
        }
    }

    @Test
    void oneConnectionServesMoreCommandsThanMaxSessions() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            List<Execution> running = new ArrayList<>();
            List<Lines> outs = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Lines l = new Lines();
                outs.add(l);
                running.add(t.exec(Command.shell("sleep 0.2; echo " + i), l));
            }
            for (int i = 0; i < 25; i++) {
                assertEquals(new ExecResult.Exited(0), running.get(i).result().get(60, TimeUnit.SECONDS));
                assertEquals(List.of(Integer.toString(i)), outs.get(i).stdout());
            }
        }
    }

    @Test
    void timeoutKillsTheWholeRemoteProcessGroup() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            Lines lines = new Lines();
            Execution e = t.exec(Command.shell("sleep 300 & echo $! > \"$FLEETDECK_TEST_ROOT/child\"; wait")
                    .withTimeout(Duration.ofSeconds(1)), lines);
            assertInstanceOf(ExecResult.TimedOut.class, e.result().get(30, TimeUnit.SECONDS));
            String child = Files.readString(h.root().resolve("child")).trim();
            Await.until(Duration.ofSeconds(10), () -> !ProcessHandle.of(Long.parseLong(child)).map(ProcessHandle::isAlive)
                    .orElse(false), "remote child process killed");
        }
    }

    @Test
    void cancelKillsTheRemoteCommand() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            CancelContract.cancelKillsTheRemoteShell(t, h);
        }
    }

    @Test
    void ptyCommandsWork() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            Lines lines = new Lines();
            ExecResult r = t.exec(Command.shell("tty >/dev/null && echo has-tty; exit 4").withPty(true), lines)
                    .result().get(30, TimeUnit.SECONDS);
            assertEquals(new ExecResult.Exited(4), r);
            assertTrue(lines.has("has-tty"), lines.all.toString());
        }
    }

    @Test
    void refusedConnectionIsUnreachableNotAnExitCode() throws Exception {
        TestHost h = hosts.start();
        h.stopSshd();
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            ExecResult r = run(t, "true", new Lines());
            TransportException e = assertInstanceOf(ExecResult.NotStarted.class, r).cause();
            assertEquals(TransportException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
    }

    @Test
    void reconnectsAfterTheServerRestarts() throws Exception {
        TestHost h = hosts.start();
        try (Transport t = new SshjTransport(h.asHost("a"), settings(h))) {
            assertEquals(new ExecResult.Exited(0), run(t, "true", new Lines()));
            h.stopSshd();
            h.startSshd();
            ExecResult r = run(t, "echo again", new Lines());
            // The first command after a restart may find the old connection dead; the next one reconnects.
            if (!r.ok()) r = run(t, "echo again", new Lines());
            assertEquals(new ExecResult.Exited(0), r);
        }
    }

    @Test
    void frozenSshdIsReportedAsConnectionLostAndOtherHostsCarryOn() throws Exception {
        TestHost frozen = hosts.start();
        TestHost healthy = hosts.start();
        try (Transport a = new SshjTransport(frozen.asHost("a"), settings(frozen));
             Transport b = new SshjTransport(healthy.asHost("b"), settings(healthy))) {
            Lines la = new Lines();
            Lines lb = new Lines();
            Execution ea = a.exec(Command.shell("echo tick; sleep 120"), la);
            Execution eb = b.exec(Command.shell("for i in 1 2 3 4 5 6 7 8 9 10; do echo $i; sleep 1; done"), lb);
            Await.until(Duration.ofSeconds(15), () -> la.has("tick"), "frozen host's command started");
            long start = System.nanoTime();
            frozen.freeze();
            try {
                ExecResult r = ea.result().get(30, TimeUnit.SECONDS);
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                assertInstanceOf(ExecResult.ConnectionLost.class, r, r.toString());
                assertTrue(seconds <= 15, "connection loss took " + seconds + " s");
                assertEquals(new ExecResult.Exited(0), eb.result().get(30, TimeUnit.SECONDS));
                assertEquals(10, lb.stdout().size());
            } finally {
                frozen.thaw();
            }
        }
    }

    @Test
    void linkDownIsReportedAsConnectionLostWithin15Seconds() throws Exception {
        TestHost h = hosts.startInNetns();
        try (Transport t = new SshjTransport(h.asHost("n"), settings(h))) {
            Lines lines = new Lines();
            Execution e = t.exec(Command.shell("echo up; sleep 120"), lines);
            Await.until(Duration.ofSeconds(15), () -> lines.has("up"), "command started");
            long start = System.nanoTime();
            h.linkDown();
            ExecResult r = e.result().get(30, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertInstanceOf(ExecResult.ConnectionLost.class, r, r.toString());
            assertTrue(seconds <= 15, "connection loss took " + seconds + " s");
        }
    }
}

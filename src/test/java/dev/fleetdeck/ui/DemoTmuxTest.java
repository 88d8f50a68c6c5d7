package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fleetdeck.demo.Await;
import dev.fleetdeck.text.ShellQuote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetdeck demo} as a newcomer runs it, in a real terminal (tmux): the console comes up with the demo
 * hosts reachable; from a second terminal the broken generation is deployed to cortex, stops sshd, and is rolled
 * back to the previous generation; quitting the console stops every sshd the demo started and deletes its
 * directory.
 */
class DemoTmuxTest {

    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void demoFleetDeployRollbackAndCleanExit() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is not installed");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String cmd = ShellQuote.join(List.of(Path.of("bin/fleetdeck").toAbsolutePath().toString(), "demo"));
        String env = "env -i PATH=/usr/bin:/bin HOME=" + dir + " TERM=tmux-256color XDG_STATE_HOME=" + dir.resolve("state")
                + " XDG_CONFIG_HOME=" + dir.resolve("config")
                + " FLEETDECK_JAVA_OPTS=-Djava.io.tmpdir=" + tmp
                + " FLEETDECK_CLASSPATH=" + ShellQuote.quote(System.getProperty("java.class.path"));
        String session = "fd-demo-" + ProcessHandle.current().pid();
        try (Tmux t = new Tmux(session, 140, 40, env + " bash --norc --noprofile");
             Tmux second = new Tmux(session + "-2", 200, 40, env + " bash --norc --noprofile")) {
            t.type("cd " + ShellQuote.quote(dir.toString()) + " && " + cmd + " 2>" + dir.resolve("err.txt")
                    + "; echo exit=$?");
            t.keys("Enter");
            t.await("Hosts 3", T);
            t.await("● orion", T); // probes reached the demo's real sshd processes
            t.await("● cortex", T);
            t.await("● nas", T);

            Path demo;
            try (Stream<Path> s = Files.list(tmp)) {
                demo = s.filter(p -> p.getFileName().toString().startsWith("fleetdeck-demo-")).findFirst().orElseThrow();
            }
            Path current = demo.resolve("hosts/cortex/root/run/current-system");
            Path before = current.toRealPath();
            List<Long> sshds = new ArrayList<>();
            for (String h : List.of("orion", "cortex", "nas")) {
                sshds.add(Long.parseLong(Files.readString(demo.resolve("hosts/" + h + "/sshd.pid")).strip()));
            }

            // A second terminal deploys the generation that stops sshd on activation: the guard rolls it back.
            second.type(demo.resolve("deploy-broken") + "; echo deploy-\"\"exit=$?"); // the echo differs from what is typed
            second.keys("Enter");
            String out = second.await("deploy-exit=", T);
            assertTrue(out.contains("cortex: rolled back"), out);
            assertTrue(out.contains("deploy-exit=1"), out);
            assertEquals(before, current.toRealPath(), "the previous generation is active again");
            // The rollback started sshd again: the console's probe reaches cortex.
            long restarted = Long.parseLong(Files.readString(demo.resolve("hosts/cortex/sshd.pid")).strip());
            sshds.add(restarted);
            t.await("● cortex", T);

            t.keys("q");
            t.await("exit=0", T);
            Await.until(Duration.ofSeconds(10), () -> !Files.exists(demo), "the demo directory to be deleted");
            for (long pid : sshds) { // SIGKILLed; the one a rollback setsid'd is reaped by init, a moment later
                Await.until(Duration.ofSeconds(10), () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                        "sshd " + pid + " to be gone");
            }
            assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                    .map(c -> c.contains(demo.toString())).orElse(false)), "no process of the demo is left");
        }
    }
}

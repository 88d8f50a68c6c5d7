package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.text.ShellQuote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher ({@code bin/fleetdeck}, no subcommand) in a real terminal (tmux) against real sshd hosts:
 * open, probe, run a checklist task and a command from the prompt with Tab completion, stream output, resize,
 * scroll, search, quit, and the shell works afterwards.
 */
class ConsoleTmuxTest {

    private static final Duration T = Duration.ofSeconds(30);

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path dir;

    @Test
    void endToEndInTmux() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        TestHost alpha = hosts.start();
        TestHost beta = hosts.start();
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, """
                {
                  "defaults": { "user": "%s", "identityFiles": ["%s"] },
                  "hosts": {
                    "alpha": { "address": "127.0.0.1", "port": %d, "tags": ["servers"] },
                    "beta":  { "address": "127.0.0.1", "port": %d, "tags": ["servers", "gpu"] }
                  }
                }
                """.formatted(alpha.user(), alpha.userKey(), alpha.port(), beta.port()));
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, alpha.knownHostsLine() + "\n" + beta.knownHostsLine() + "\n");
        Files.writeString(Files.createDirectories(dir.resolve(".fleetdeck/tasks")).resolve("greet-fleet.json"), """
                { "id": "greet-fleet", "title": "Greet the fleet",
                  "steps": [ { "id": "hello", "title": "Say hello", "run": "echo hello-from-$(hostname)" },
                             { "id": "uptime", "title": "Uptime", "run": "cat /proc/uptime" } ] }
                """);
        Path history = dir.resolve("state/fleetdeck/history");
        // The real launcher, as a user types it; FLEETDECK_CLASSPATH makes it run the classes under test.
        String cmd = ShellQuote.join(List.of(Path.of("bin/fleetdeck").toAbsolutePath().toString(),
                "--fleet", fleet.toString(), "--known-hosts", knownHosts.toString()));
        String env = "env -i PATH=/usr/bin:/bin HOME=" + dir + " TERM=tmux-256color XDG_STATE_HOME=" + dir.resolve("state")
                + " XDG_CONFIG_HOME=" + dir.resolve("config")
                + " FLEETDECK_CLASSPATH=" + ShellQuote.quote(System.getProperty("java.class.path"));
        String session = "fd-e2e-" + ProcessHandle.current().pid();
        try (Tmux t = new Tmux(session, 120, 40, env + " bash --norc --noprofile")) {
            t.type("cd " + ShellQuote.quote(dir.toString()) + " && " + cmd + " 2>" + dir.resolve("err.txt")
                    + "; echo exit=$?");
            t.keys("Enter");
            t.await("Hosts 2", T);
            t.await("● alpha", T); // the probe reached the real sshd
            t.await("● beta", T);

            // A checklist task (from the flake repo's .fleetdeck/tasks), picked with Tab completion.
            t.type(":run gre");
            t.keys("Tab");
            t.await(":run greet-fleet", T);
            t.type("alp");
            t.keys("Tab");
            t.await(":run greet-fleet alpha", T);
            t.keys("Enter");
            String run = t.await("hello-from-", T);
            t.await("greet-fleet passed", T); // the run's own end, not just its last step
            assertTrue(run.contains("Say hello"), run);
            try (var runs = Files.list(dir.resolve("state/fleetdeck/runs"))) {
                assertTrue(runs.anyMatch(r -> r.getFileName().toString().contains("greet-fleet")),
                        "the console's run is in history");
            }

            t.type(":ex");
            t.keys("Tab");
            t.await(":exec", T); // capture-pane trims the trailing space
            t.type("alp"); // "al" would also match "all"
            t.keys("Tab");
            t.await(":exec alpha", T);
            t.type("-- seq 1 3000; echo stream-done");
            t.await(":exec alpha -- seq", T); // completion added the space after the host
            t.keys("Enter");
            String s = t.await("stream-done", T);
            t.await("e1 · exec · passed", T);

            t.resize(90, 30);
            s = t.await("alpha · follow", T);
            assertEquals(30, s.split("\n", -1).length - 1, s);
            assertTrue(s.split("\n")[28].contains("fleet.json"), "status bar on row 29 after the resize:\n" + s);

            t.keys("PPage");
            t.await("alpha · scrolled", T);
            t.keys("/");
            t.type("1234");
            t.keys("Enter");
            s = t.await("scrolled /1234", T);
            assertTrue(s.contains("\n1234\n") || s.contains("1234"), s);

            t.keys("End", "q");
            t.await("exit=0", T);
            t.type("echo ok-$((1+1)); stty -a | grep -o -- '-\\?icanon' | sed 's/^/mode:/'");
            t.keys("Enter");
            s = t.await("ok-2", T);
            t.await("mode:icanon", T); // canonical mode is back: the shell's terminal was restored
            assertTrue(Files.readString(history).contains("exec alpha -- seq 1 3000"));
            assertEquals("", Files.readString(dir.resolve("err.txt")));
        }
    }
}

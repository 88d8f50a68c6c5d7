package dev.fleetdeck.ui;

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
 * The real launcher ({@code bin/fleetdeck}, no subcommand) in tmux against real sshd hosts: the console opens on
 * the fleet, a checklist task is picked with Tab completion and run from the prompt, its checklist and output
 * show, and the run lands in history.
 */
class LauncherTmuxTest {

    private static final Duration T = Duration.ofSeconds(30);

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path dir;

    @Test
    void runsAChecklistTaskFromThePrompt() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        TestHost alpha = hosts.start();
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, """
                { "defaults": { "user": "%s", "identityFiles": ["%s"] },
                  "hosts": { "alpha": { "address": "127.0.0.1", "port": %d, "tags": ["servers"] } } }
                """.formatted(alpha.user(), alpha.userKey(), alpha.port()));
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, alpha.knownHostsLine() + "\n");
        Path tasks = Files.createDirectories(dir.resolve(".fleetdeck/tasks"));
        Files.writeString(tasks.resolve("greet-fleet.json"), """
                { "id": "greet-fleet", "title": "Greet the fleet",
                  "steps": [ { "id": "hello", "title": "Say hello", "run": "echo hello-from-$(hostname)" },
                             { "id": "uptime", "title": "Uptime", "run": "cat /proc/uptime" } ] }
                """);
        Path launcher = Path.of("bin/fleetdeck").toAbsolutePath();
        String cmd = ShellQuote.join(List.of(launcher.toString(), "--fleet", fleet.toString(), "--known-hosts",
                knownHosts.toString()));
        String env = "env -i PATH=" + System.getenv("PATH") + " HOME=" + dir + " TERM=tmux-256color XDG_STATE_HOME="
                + dir.resolve("state") + " FLEETDECK_CLASSPATH=" + ShellQuote.quote(System.getProperty("java.class.path"));
        String session = "fd-launcher-" + ProcessHandle.current().pid();
        try (Tmux t = new Tmux(session, 120, 40, env + " bash --norc --noprofile")) {
            t.type("cd " + ShellQuote.quote(dir.toString()) + " && " + cmd + " 2>err.txt; echo exit=$?");
            t.keys("Enter");
            t.await("● alpha", T);
            t.type(":run gre");
            t.keys("Tab");
            t.await(":run greet-fleet", T);
            t.type("alp");
            t.keys("Tab");
            t.await(":run greet-fleet alpha", T);
            t.keys("Enter");
            String s = t.await("hello-from-", T);
            t.await("greet-fleet passed", T); // the run's own end, not just its last step
            assertTrue(s.contains("Say hello"), s);
            t.keys("q");
            t.await("exit=0", T);
            try (var runs = Files.list(dir.resolve("state/fleetdeck/runs"))) {
                assertTrue(runs.anyMatch(r -> r.getFileName().toString().contains("greet-fleet")),
                        "the console's run is in history");
            }
        }
    }
}

package dev.fleetdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.testbed.FleetFiles;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands end to end against real sshd hosts. */
class CliTest {

    @RegisterExtension
    final TestHosts hosts = new TestHosts();

    @TempDir
    Path dir;

    private TestHost alpha;
    private TestHost beta;
    private Path fleet;
    private Path knownHosts;


    @BeforeEach
    void fleet() throws Exception {
        alpha = hosts.start();
        beta = hosts.start();
        FleetFiles files = FleetFiles.in(dir).host("alpha", alpha, "servers").host("beta", beta, "servers", "gpu");
        fleet = files.write();
        knownHosts = files.knownHosts();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>();
        String sub = args[0];
        all.add(sub);
        all.addAll(List.of("--fleet", fleet.toString(), "--known-hosts", knownHosts.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return raw(all.toArray(String[]::new));
    }

    private static CliRun raw(String... args) {
        return CliRun.of(args);
    }

    @Test
    void hostsShowsEveryHostReachable() throws Exception {
        CliRun r = run("hosts", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertEquals(2, arr.size());
        assertEquals("alpha", arr.get(0).get("name").asText());
        assertTrue(arr.get(0).get("reachable").asBoolean());
        assertTrue(arr.get(1).get("latencyMs").asLong() >= 0);
        assertEquals("gpu", arr.get(1).get("tags").get(1).asText());

        CliRun table = run("hosts");
        assertEquals(0, table.code());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("beta") && l.contains("ok ") && l.endsWith(" ms")),
                table.out());
    }

    @Test
    void anUnreachableHostMakesHostsExitOne() {
        beta.stopSshd();
        CliRun r = run("hosts");
        assertEquals(1, r.code());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("beta") && l.contains("unreachable")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("alpha") && l.contains("ok ")), r.out());
    }

    @Test
    void execStreamsLinesPrefixedByHost() {
        CliRun r = run("exec", "@servers", "--", "echo hi from $(hostname); echo oops >&2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("alpha | hi from "), r.out());
        assertTrue(r.out().contains("beta  | hi from "), r.out());
        assertTrue(r.err().contains("alpha | oops"), r.err());
    }

    @Test
    void execExitsOneWhenAnyHostFails() {
        CliRun r = run("exec", "all", "--", "[ \"$SSH_CONNECTION\" != \"${SSH_CONNECTION%" + beta.port() + "}\" ] && exit 3; true");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("beta  ! exit 3"), r.err());
        assertFalse(r.err().contains("alpha !"), r.err());
    }

    @Test
    void execTimeoutIsReported() {
        CliRun r = run("exec", "alpha", "--timeout", "1", "--", "sleep 30");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("alpha ! timed out after 1 s"), r.err());
    }

    @Test
    void hostileRemoteOutputNeverReachesTheTerminal() {
        CliRun r = run("exec", "alpha", "--", "printf '\\033]52;c;cHduZWQ=\\007safe\\033[2J\\033]0;title\\007\\n'");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u001b"), r.out());
        assertFalse(r.out().contains("\u0007"), r.out());
        assertTrue(r.out().contains("alpha | safe"), r.out());
    }

    @Test
    void execJsonEmitsOneEventPerLine() throws Exception {
        CliRun r = run("exec", "all", "--json", "--", "echo one");
        assertEquals(0, r.code(), r.err());
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.out().split("\n")) events.add(m.readTree(line));
        assertEquals(2, events.stream().filter(e -> e.get("event").asText().equals("line")
                && e.get("text").asText().equals("one")).count(), r.out() + r.err());
        assertEquals(2, events.stream().filter(e -> e.get("event").asText().equals("result")
                && e.get("code").asInt() == 0).count(), "every host's result is printed before exec returns: " + r.out());
    }

    @Test
    void unknownHostKeyIsRefusedUnattendedAndNothingIsRecorded() throws Exception {
        Files.writeString(knownHosts, alpha.knownHostsLine() + "\n");
        CliRun r = run("exec", "beta", "--", "true");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(beta.hostKeyFingerprint()), r.err());
        assertTrue(r.err().contains("not known"), r.err());
        assertEquals(alpha.knownHostsLine() + "\n", Files.readString(knownHosts));
    }

    @Test
    void emptySelectionIsAUsageError() {
        CliRun r = run("exec", "cortx", "--", "true");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("fleetdeck: "), r.err());
        assertTrue(r.err().contains("cortx"), r.err());
    }

    @Test
    void malformedFleetIsOneLocatedLineAndExitTwo() throws Exception {
        Files.writeString(fleet, "{\n  \"hosts\": {\n    \"a\": { \"adress\": \"x\" }\n  }\n}\n");
        CliRun r = run("hosts");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches("(?s)fleetdeck: .*fleet\\.json:3:\\d+: .*adress.*"), r.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : List.of("hosts", "exec", "trust")) {
            CliRun r = raw(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: fleetdeck " + cmd), r.out());
            assertTrue(r.out().contains("Exit codes") || cmd.equals("trust"), r.out());
        }
        assertEquals(0, raw("--help").code());
    }

    @Test
    void theRealEntryPointPrintsNoStackTraceOnBadInput() throws Exception {
        Files.writeString(fleet, "{ \"hosts\": { \"a\": { \"port\": 70000 } } }");
        Process p = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "dev.fleetdeck.Main",
                "hosts", "--fleet", fleet.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains("70000 is outside 1..65535"), out);
        assertFalse(out.contains("Exception"), out);
    }
}

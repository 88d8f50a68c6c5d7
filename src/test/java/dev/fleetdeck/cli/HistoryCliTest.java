package dev.fleetdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.history.RunRecorder;
import dev.fleetdeck.history.RunScript;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.SampleRuns;
import dev.fleetdeck.task.StepStatus;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetdeck history} and {@code fleetdeck show} over a store filled through the recorder. */
class HistoryCliTest {

    private static final String FAILED = "20250314-093012-preflight-abcd";
    private static final String OLD = "20250101-000000-uptime-aaaa";

    @TempDir
    Path state;

    private RunStore store;
    private RunRecorder recorder;


    @BeforeEach
    void runs() {
        store = RunStore.forEnv(Map.of("XDG_STATE_HOME", state.toString()));
        recorder = store.recorder(e -> {
            throw new UncheckedIOException(e);
        });
        SampleRuns.passedOnOneHost(recorder, OLD, "gamma", Instant.parse("2025-01-01T00:00:00Z"));
        SampleRuns.failedOnTwoHosts(recorder, FAILED);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--help")) all.addAll(List.of("--state-dir", state.toString()));
        return CliRun.of(all);
    }

    @Test
    void historyIsATableNewestFirst() {
        CliRun r = run("history");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("RUN", "TASK", "HOSTS", "STATUS", "STARTED", "DURATION"), List.of(lines.get(0).split("\\s+")));
        assertTrue(lines.get(1).matches(FAILED + "\\s+preflight\\s+alpha,beta\\s+failed\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+1\\.7s"),
                lines.get(1));
        assertTrue(lines.get(2).matches(OLD + "\\s+uptime\\s+gamma\\s+passed\\s+.*\\s+0\\.0s"), lines.get(2));
        assertEquals(3, lines.size());

        assertEquals(2, run("history", "gamma").out().lines().count());
        assertEquals(2, run("history", "--limit", "1").out().lines().count());
        assertEquals(2, run("history", "--limit", "0").code());
    }

    @Test
    void historyJsonHasOneObjectPerRun() throws Exception {
        CliRun r = run("history", "alpha", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertEquals(1, arr.size());
        assertEquals(FAILED, arr.get(0).get("runId").asText());
        assertEquals("failed", arr.get(0).get("status").asText());
        assertEquals(1700, arr.get(0).get("durationMs").asLong());
        assertEquals("beta", arr.get(0).get("hosts").get(1).asText());
    }

    @Test
    void anUnreadableRunIsListedWithItsFile() throws Exception {
        Path bad = store.root().resolve("20250201-000000-uptime-bbbb/run.json");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "{ truncated");
        CliRun r = run("history");
        assertEquals(0, r.code());
        assertEquals(4, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("20250201-000000-uptime-bbbb\\s+-\\s+-\\s+unreadable.*")), r.out());
        assertTrue(r.err().contains("20250201-000000-uptime-bbbb is unreadable: " + bad), r.err());

        CliRun show = run("show", "20250201");
        assertEquals(1, show.code());
        assertTrue(show.err().startsWith("fleetdeck: " + bad + ": unreadable"), show.err());
    }

    @Test
    void showReplaysTheChecklist() {
        CliRun r = run("show", "20250314");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith(FAILED + "  Task preflight\nfailed · started "), out);
        assertTrue(out.contains(" · took 1.7s · by ops\ntoken=***\n"), out);
        assertTrue(out.contains("\nalpha\n  ✓ Title of disk       0.4s  free 60 GiB\n"
                + "  ✗ Title of store      1.0s  exit 1\n"
                + "      fix: run nix-store --verify --repair\n"
                + "  - Title of reboot     0.0s  an earlier step failed\n"), out);
        assertTrue(out.contains("\nbeta\n  ✓ Title of disk       0.4s  free 80 GiB\n"
                + "  ! Title of store      1.0s  slow store\n"
                + "      fix: check the disk\n"
                + "  ? Title of reboot     0.0s  skipped: no YubiKey\n"), out);
        assertFalse(out.contains("Filesystem"), "no output without -v");
    }

    @Test
    void showVerboseAddsEachStepsOutputSanitised() {
        RunScript s = new RunScript(recorder, "20250315-000000-evil-zzzz");
        s.start(Instant.parse("2025-03-15T00:00:00Z"), "evil", List.of("alpha"), Map.of(), "cat");
        s.step(Instant.parse("2025-03-15T00:00:01Z"), "alpha", "cat", 1);
        s.out(Instant.parse("2025-03-15T00:00:02Z"), "alpha", "cat", "\u001b]52;c;cHduZWQ=\u0007safe\u001b[2J");
        s.finish(Instant.parse("2025-03-15T00:00:03Z"), "alpha", "cat", StepStatus.PASSED, Duration.ofSeconds(2), 0,
                "ok\u001b]0;title\u0007", null);
        s.end(Instant.parse("2025-03-15T00:00:04Z"), true, false);

        CliRun r = run("show", FAILED, "-v");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*  ✓ Title of disk       0\\.4s  free 60 GiB\n"
                + "      \\$ check disk\n"
                + "      \\d\\d:\\d\\d:12\\.200 out Filesystem Size Used\n"
                + "      \\d\\d:\\d\\d:12\\.210 err df: warning\n"
                + "      \\d\\d:\\d\\d:12\\.220 out /dev/sda1 100G 40G\n  ✗ Title of store.*"), r.out());

        CliRun evil = run("show", "20250315", "--output");
        assertEquals(0, evil.code(), evil.err());
        assertFalse(evil.out().contains("\u001b"), evil.out());
        assertFalse(evil.out().contains("\u0007"), evil.out());
        assertTrue(evil.out().contains(" out safe\n"), evil.out());
    }

    @Test
    void showJsonIsTheRunWithOutputUnderVerbose() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode plain = m.readTree(run("show", FAILED, "--json").out());
        assertEquals("failed", plain.get("status").asText());
        JsonNode store = plain.get("steps").get("alpha").get(1);
        assertEquals("failed", store.get("status").asText());
        assertEquals(1, store.get("exitCode").asInt());
        assertEquals("PT1S", store.get("duration").asText());
        assertTrue(store.get("output") == null);

        JsonNode verbose = m.readTree(run("show", FAILED, "--json", "-v").out());
        JsonNode disk = verbose.get("steps").get("alpha").get(0).get("output");
        assertEquals(3, disk.size());
        assertEquals("stderr", disk.get(1).get("stream").asText());
        assertEquals("df: warning", disk.get(1).get("text").asText());
    }

    @Test
    void anInterruptedRunShowsItsRunningStepInterrupted() throws Exception {
        RunScript s = new RunScript(recorder, "20250316-000000-deploy-dead");
        s.start(Instant.parse("2025-03-16T00:00:00Z"), "deploy", List.of("alpha"), Map.of(), "switch", "check");
        s.step(Instant.parse("2025-03-16T00:00:01Z"), "alpha", "switch", 1);
        // Pretend the recording process died: a pid no process can have.
        Path file = store.root().resolve("20250316-000000-deploy-dead/run.json");
        String json = Files.readString(file);
        Files.writeString(file, json.replace("\"pid\" : " + ProcessHandle.current().pid(), "\"pid\" : 2147483646"));

        CliRun r = run("show", "20250316");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\ninterrupted · started "), r.out());
        assertTrue(r.out().contains("  ⊘ Title of switch           fleetdeck stopped while this step ran\n"
                + "  · Title of check\n"), r.out());
        assertTrue(run("history").out().lines().anyMatch(l -> l.matches("20250316-000000-deploy-dead.*interrupted.*-")));
    }

    @Test
    void anUnknownOrAmbiguousRunIsExitTwoWithCandidates() {
        CliRun unknown = run("show", "1999");
        assertEquals(2, unknown.code());
        assertEquals("fleetdeck: no run \"1999\"; recent runs: " + FAILED + ", " + OLD + "\n", unknown.err());

        CliRun ambiguous = run("show", "2025");
        assertEquals(2, ambiguous.code());
        assertTrue(ambiguous.err().contains("matches 2 runs: " + FAILED + ", " + OLD), ambiguous.err());
    }

    @Test
    void bothHaveHelpWithExitCodes() {
        for (String cmd : List.of("history", "show")) {
            CliRun r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: fleetdeck " + cmd), r.out());
            assertTrue(r.out().contains("Exit codes"), r.out());
            assertFalse(r.out().contains("--state-dir"), r.out());
        }
    }
}

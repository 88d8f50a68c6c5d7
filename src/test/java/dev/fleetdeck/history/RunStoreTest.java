package dev.fleetdeck.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.transport.OutputLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path dir;

    private RunStore store() {
        return new RunStore(dir.resolve("runs"));
    }

    private static RunRecorder recorder(RunStore store) {
        return store.recorder(ZoneOffset.UTC, e -> {
            throw new UncheckedIOException(e);
        });
    }

    @Test
    void aRecordedRunReadsBackAsItHappened() throws Exception {
        RunStore store = store();
        SampleRuns.failedOnTwoHosts(recorder(store), "20250314-093012-preflight-abcd");

        RunRecord r = store.load("20250314-093012-preflight-abcd");
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("preflight", r.taskId());
        assertEquals("Task preflight", r.title());
        assertEquals(List.of("alpha", "beta"), r.hosts());
        assertEquals(Map.of("token", "***"), r.params());
        assertEquals("ops", r.user());
        assertEquals(SampleRuns.T0, r.startedAt());
        assertEquals(SampleRuns.at(1700), r.finishedAt());
        assertEquals(ProcessHandle.current().pid(), r.owner().pid());

        assertEquals(List.of(
                new StepRecord("disk", "Title of disk", false, StepStatus.PASSED, 1, SampleRuns.at(100),
                        SampleRuns.at(500), Duration.ofMillis(400), 0, "free 60 GiB", null, "remote", "check disk"),
                new StepRecord("store", "Title of store", false, StepStatus.FAILED, 1, SampleRuns.at(600),
                        SampleRuns.at(1600), Duration.ofMillis(1000), 1, "exit 1", "run nix-store --verify --repair",
                        "remote", "check store"),
                new StepRecord("reboot", "Title of reboot", false, StepStatus.SKIPPED, 0, null, SampleRuns.at(1620),
                        Duration.ZERO, null, "an earlier step failed", null, null, null)), r.steps("alpha"));
        assertEquals(List.of(StepStatus.PASSED, StepStatus.WARNED, StepStatus.ABSENT),
                r.steps("beta").stream().map(StepRecord::status).toList());
        assertEquals("check the disk", r.steps("beta").get(1).fix());

        assertEquals(List.of("09:30:12.200 O Filesystem Size Used", "09:30:12.210 E df: warning",
                "09:30:12.220 O /dev/sda1 100G 40G"), store.log(r.runId(), "alpha", "disk"));
        assertEquals(List.of(new LogLine(java.time.LocalTime.parse("09:30:12.210"), OutputLine.Stream.STDERR,
                "df: warning")), store.logLines(r.runId(), "alpha", "disk").subList(1, 2));
        assertEquals(List.of(), store.log(r.runId(), "beta", "disk"));
    }

    @Test
    void directoriesArePrivateAndFilesTooWhateverTheParents() throws Exception {
        RunStore store = RunStore.forEnv(Map.of("XDG_STATE_HOME", dir.resolve("state").toString(), "HOME", "/nowhere"));
        assertEquals(dir.resolve("state/fleetdeck/runs"), store.root());
        SampleRuns.failedOnTwoHosts(recorder(store), "20250314-093012-preflight-abcd");

        Path run = store.root().resolve("20250314-093012-preflight-abcd");
        for (Path d : List.of(dir.resolve("state"), dir.resolve("state/fleetdeck"), store.root(), run, run.resolve("alpha"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
        }
        for (Path f : List.of(run.resolve("run.json"), run.resolve("alpha/disk.log"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
        try (Stream<Path> all = Files.walk(run)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void theDefaultRootIsUnderHomeWhenXdgStateHomeIsUnsetOrRelative() {
        assertEquals(Path.of("/home/op/.local/state/fleetdeck/runs"), RunStore.defaultRoot(Map.of("HOME", "/home/op")));
        assertEquals(Path.of("/home/op/.local/state/fleetdeck/runs"),
                RunStore.defaultRoot(Map.of("HOME", "/home/op", "XDG_STATE_HOME", "rel/state")));
    }

    @Test
    void listIsNewestFirstAndFiltersByHost() throws Exception {
        RunStore store = store();
        RunRecorder rec = recorder(store);
        SampleRuns.passedOnOneHost(rec, "20250101-000000-uptime-aaaa", "alpha", Instant.parse("2025-01-01T00:00:00Z"));
        SampleRuns.failedOnTwoHosts(rec, "20250314-093012-preflight-abcd");
        SampleRuns.passedOnOneHost(rec, "20250201-000000-uptime-bbbb", "gamma", Instant.parse("2025-02-01T00:00:00Z"));

        assertEquals(List.of("20250314-093012-preflight-abcd", "20250201-000000-uptime-bbbb", "20250101-000000-uptime-aaaa"),
                ids(store.list(Optional.empty(), 10)));
        assertEquals(List.of("20250314-093012-preflight-abcd", "20250201-000000-uptime-bbbb"),
                ids(store.list(Optional.empty(), 2)));
        assertEquals(List.of("20250314-093012-preflight-abcd", "20250101-000000-uptime-aaaa"),
                ids(store.list(Optional.of("alpha"), 10)));
        assertEquals(List.of(), ids(store.list(Optional.of("delta"), 10)));

        RunSummary s = store.list(Optional.of("beta"), 1).get(0);
        assertEquals(RunStatus.FAILED, s.status());
        assertEquals(Optional.of(Duration.ofMillis(1700)), s.duration());
        assertEquals(List.of("alpha", "beta"), s.hosts());
        assertEquals(List.of(), new RunStore(dir.resolve("never-created")).list(Optional.empty(), 10));
    }

    @Test
    void aRunIsFoundByAUniquePrefixAndAnAmbiguousOneNamesTheCandidates() throws Exception {
        RunStore store = store();
        RunRecorder rec = recorder(store);
        SampleRuns.passedOnOneHost(rec, "20250101-000000-uptime-aaaa", "alpha", Instant.parse("2025-01-01T00:00:00Z"));
        SampleRuns.passedOnOneHost(rec, "20250101-000000-uptime-aabb", "alpha", Instant.parse("2025-01-01T00:00:00Z"));
        SampleRuns.passedOnOneHost(rec, "20250201-000000-uptime-cccc", "alpha", Instant.parse("2025-02-01T00:00:00Z"));

        assertEquals("20250201-000000-uptime-cccc", store.load("202502").runId());
        assertEquals("20250101-000000-uptime-aabb", store.load("20250101-000000-uptime-aab").runId());

        RunLookupException ambiguous = assertThrows(RunLookupException.class, () -> store.load("20250101"));
        assertEquals(List.of("20250101-000000-uptime-aabb", "20250101-000000-uptime-aaaa"), ambiguous.candidates());
        assertTrue(ambiguous.getMessage().contains("matches 2 runs"), ambiguous.getMessage());

        RunLookupException unknown = assertThrows(RunLookupException.class, () -> store.load("2024"));
        assertEquals(3, unknown.candidates().size());
        assertTrue(unknown.getMessage().startsWith("no run \"2024\"; recent runs: 20250201"), unknown.getMessage());
        assertThrows(RunLookupException.class, () -> store.load("../runs"));
        assertThrows(RunLookupException.class, () -> store.load(""));
    }

    @Test
    void aRunningRunWhoseProcessIsGoneIsReportedInterruptedWithoutRewritingIt() throws Exception {
        Path root = dir.resolve("runs");
        RunScript r = new RunScript(recorder(new RunStore(root)), "20250314-093012-deploy-abcd");
        r.start(SampleRuns.T0, "deploy", List.of("alpha"), Map.of(), "build", "switch", "check");
        r.step(SampleRuns.at(1), "alpha", "build", 1);
        r.finish(SampleRuns.at(2), "alpha", "build", StepStatus.PASSED, Duration.ofMillis(1), 0, "built", null);
        r.step(SampleRuns.at(3), "alpha", "switch", 1);
        Path file = root.resolve("20250314-093012-deploy-abcd/run.json");
        byte[] before = Files.readAllBytes(file);

        RunRecord live = new RunStore(root).load("20250314-093012-deploy-abcd");
        assertEquals(RunStatus.RUNNING, live.status(), "this JVM recorded it and still runs");

        RunStore afterCrash = new RunStore(root, owner -> false);
        RunRecord dead = afterCrash.load("20250314-093012-deploy-abcd");
        assertEquals(RunStatus.INTERRUPTED, dead.status());
        assertEquals(List.of(StepStatus.PASSED, StepStatus.INTERRUPTED, StepStatus.PENDING),
                dead.steps("alpha").stream().map(StepRecord::status).toList());
        assertNull(dead.finishedAt());
        assertEquals(RunStatus.INTERRUPTED, afterCrash.list(Optional.empty(), 1).get(0).status());
        assertArrayEquals(before, Files.readAllBytes(file), "reading never writes");
    }

    @Test
    void aReusedPidIsNotMistakenForTheRecorder() {
        RunOwner me = RunOwner.current();
        assertTrue(me.alive());
        if (me.startedAt() != null) {
            assertFalse(new RunOwner(me.pid(), me.startedAt().minus(Duration.ofHours(1))).alive());
        }
        assertFalse(new RunOwner(Long.MAX_VALUE, null).alive());
    }

    @Test
    void aCorruptRunIsListedAsUnreadableAndHidesNothing() throws Exception {
        RunStore store = store();
        RunRecorder rec = recorder(store);
        SampleRuns.passedOnOneHost(rec, "20250101-000000-uptime-aaaa", "alpha", Instant.parse("2025-01-01T00:00:00Z"));
        SampleRuns.passedOnOneHost(rec, "20250301-000000-uptime-cccc", "alpha", Instant.parse("2025-03-01T00:00:00Z"));
        Path half = store.root().resolve("20250201-000000-uptime-bbbb");
        Files.createDirectories(half);
        Files.writeString(half.resolve("run.json"), "{\"format\": 1, \"runId\": \"20250201-0");
        Files.createDirectories(store.root().resolve("20250215-000000-uptime-empty"));
        Files.writeString(store.root().resolve("stray-file"), "not a run");

        List<RunSummary> all = store.list(Optional.of("alpha"), 10);
        assertEquals(List.of("20250301-000000-uptime-cccc", "20250215-000000-uptime-empty",
                "20250201-000000-uptime-bbbb", "20250101-000000-uptime-aaaa"), ids(all));
        RunSummary bad = all.get(2);
        assertEquals(RunStatus.UNREADABLE, bad.status());
        assertEquals(half.resolve("run.json"), bad.file());
        assertFalse(bad.readable());
        assertEquals("no run.json", all.get(1).problem());

        IOException e = assertThrows(IOException.class, () -> store.load("20250201"));
        assertTrue(e.getMessage().startsWith(half.resolve("run.json") + ": unreadable: "), e.getMessage());
    }

    @Test
    void theRecorderWritesOnlyWhatTheEventsCarry() throws Exception {
        RunStore store = store();
        RunScript r = new RunScript(recorder(store), "20250314-093012-deploy-abcd");
        r.start(SampleRuns.T0, "deploy", List.of("alpha"), Map.of("token", "***", "target", "prod"), "push");
        r.step(SampleRuns.at(1), "alpha", "push", 1);
        r.out(SampleRuns.at(2), "alpha", "push", "using token ***");
        r.finish(SampleRuns.at(3), "alpha", "push", StepStatus.PASSED, Duration.ofMillis(2), 0, "pushed", null);
        r.end(SampleRuns.at(4), true, false);

        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(store.root().resolve("20250314-093012-deploy-abcd/run.json").toFile());
        assertEquals(List.of("format", "runId", "task", "title", "hosts", "status", "startedAt", "finishedAt", "user",
                "params", "owner", "steps"), fieldNames(json));
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"token\":\"***\",\"target\":\"prod\"}"),
                json.get("params"));
        assertEquals(List.of("pid", "startedAt"), fieldNames(json.get("owner")));
        assertEquals(List.of("id", "title", "manual", "status", "attempt", "startedAt", "finishedAt", "duration",
                "exitCode", "message", "fix", "where", "command"), fieldNames(json.get("steps").get("alpha").get(0)));
        // Nothing from the environment or the command line of this JVM finds its way in.
        String everything = allText(store.root());
        for (String value : List.of(System.getProperty("user.home"), System.getProperty("java.class.path"))) {
            assertFalse(everything.contains(value), value);
        }
        assertTrue(everything.contains("using token ***"));
    }

    @Test
    void namesThatCouldEscapeTheStoreAreRefused() throws Exception {
        RunStore store = store();
        List<IOException> errors = new ArrayList<>();
        RunRecorder rec = store.recorder(ZoneOffset.UTC, errors::add);
        rec.on(new RunEvent.RunStarted("../../escape", SampleRuns.T0, "t", "t", List.of("alpha"), List.of(), Map.of(), "u"));
        rec.on(new RunEvent.RunStarted("20250314-093012-t-abcd", SampleRuns.T0, "t", "t", List.of("../etc"),
                List.of(), Map.of(), "u"));
        assertEquals(2, errors.size());
        assertFalse(Files.exists(dir.resolve("escape")));
        assertFalse(Files.exists(dir.resolve("etc")));
        assertThrows(IllegalArgumentException.class, () -> store.log("20250314-093012-t-abcd", "..", "x"));
        assertThrows(IllegalArgumentException.class, () -> store.log("20250314-093012-t-abcd", "alpha", "../../x"));
        assertThrows(IllegalArgumentException.class, () -> store.log("..", "alpha", "x"));
    }

    @Test
    void hostsStreamingAtOnceKeepEveryLineInOrder() throws Exception {
        RunStore store = store();
        RunRecorder rec = recorder(store);
        List<String> hosts = List.of("h1", "h2", "h3", "h4");
        RunScript r = new RunScript(rec, "20250314-093012-load-abcd");
        r.start(SampleRuns.T0, "load", hosts, Map.of(), "spam");
        List<Thread> threads = new ArrayList<>();
        for (String h : hosts) {
            Thread t = new Thread(() -> {
                r.step(SampleRuns.at(1), h, "spam", 1);
                for (int i = 0; i < 500; i++) r.out(SampleRuns.at(2), h, "spam", h + " line " + i);
                r.finish(SampleRuns.at(3), h, "spam", StepStatus.PASSED, Duration.ofMillis(2), 0, "ok", null);
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        r.end(SampleRuns.at(4), true, false);
        for (String h : hosts) {
            List<LogLine> lines = store.logLines("20250314-093012-load-abcd", h, "spam");
            assertEquals(500, lines.size());
            for (int i = 0; i < 500; i++) assertEquals(h + " line " + i, lines.get(i).text());
            assertEquals(StepStatus.PASSED, store.load("20250314-093012-load-abcd").steps(h).get(0).status());
        }
    }

    @Test
    void runIdsSortByStartAndAreUnique() {
        Random random = new Random(1);
        String a = RunIds.next("preflight", Instant.parse("2025-03-14T09:30:12Z"), random);
        assertTrue(a.matches("20250314-093012-preflight-[0-9a-z]{4}"), a);
        String b = RunIds.next("preflight", Instant.parse("2025-03-14T09:30:13Z"), random);
        assertTrue(a.compareTo(b) < 0);
        assertTrue(RunIds.next("../x y", Instant.EPOCH, random).matches("19700101-000000-x-y-[0-9a-z]{4}"));
        assertTrue(RunIds.safeSegment(store().newRunId("preflight")));
    }

    private static List<String> ids(List<RunSummary> runs) {
        return runs.stream().map(RunSummary::runId).toList();
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String allText(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) sb.append(Files.readString(f));
        }
        return sb.toString();
    }
}

package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.history.RunRecorder;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.SampleRuns;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} and {@code show} in the console read runs recorded by earlier sessions. */
class ConsoleHistoryTest {

    private static final String FAILED = "20250314-093012-preflight-abcd";
    private static final String OLD = "20250101-000000-uptime-aaaa";

    @TempDir
    Path state;

    private VirtualConsole vc;

    @BeforeEach
    void recordedRuns() throws Exception {
        RunStore store = RunStore.forEnv(Map.of("XDG_STATE_HOME", state.toString()));
        RunRecorder recorder = store.recorder(e -> {
            throw new UncheckedIOException(e);
        });
        SampleRuns.passedOnOneHost(recorder, OLD, "gamma", Instant.parse("2025-01-01T00:00:00Z"));
        SampleRuns.failedOnTwoHosts(recorder, FAILED);
        Actions actions = new FleetActions(VirtualConsole.FLEET, null, 1, null, store);
        vc = new VirtualConsole(120, 30, c -> new ConsoleConfig(c.fleet(), c.fleetLabel(), actions, c.env(),
                null, null, null, 1000, null, null, null, c.todoFile(), c.io()));
    }

    @Test
    void historyListsRecordedRunsNewestFirst() throws Exception {
        vc.command("history");
        List<String> lines = vc.model().overlay().lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(FAILED) && lines.get(0).contains("preflight")
                && lines.get(0).contains("alpha,beta") && lines.get(0).contains("FAILED"), lines.get(0));
        assertTrue(lines.get(1).startsWith(OLD) && lines.get(1).contains("passed"), lines.get(1));
        assertTrue(vc.render().contains(FAILED));
        vc.keys("Esc");
        vc.command("history gamma");
        assertEquals(List.of(OLD), vc.model().overlay().lines().stream().map(l -> l.split(" ")[0]).toList());
        vc.keys("Esc");
        vc.command("history nobody");
        assertEquals(List.of("no runs recorded yet on nobody"), vc.model().overlay().lines());
    }

    @Test
    void showReplaysAStoredRunAsItEnded() throws Exception {
        vc.command("show 20250314"); // a unique prefix
        RunState r = vc.model().shown();
        assertEquals(FAILED, r.id());
        assertTrue(r.finished() && !r.passed());
        String s = vc.render();
        assertTrue(s.contains(FAILED + " · preflight · FAILED"), s);
        assertTrue(s.contains("store") && s.contains("✗"), s);
        assertTrue(s.contains("Filesystem Size Used"), "output from the step log: " + s);
        assertEquals(dev.fleetdeck.task.StepStatus.FAILED, r.cell("alpha", "store").status());
        assertEquals(dev.fleetdeck.task.StepStatus.WARNED, r.cell("beta", "store").status());
        vc.keys("L");
        assertTrue(vc.render().contains("[" + FAILED + "] alpha"), "command log replayed");
    }

    @Test
    void showOfAnUnknownRunSaysWhichExist() throws Exception {
        vc.command("show zzz");
        assertTrue(vc.model().notice().contains("zzz"), vc.model().notice());
        assertTrue(vc.model().noticeIsError);
        assertEquals(null, vc.model().shown());
    }

    @Test
    void showCompletesRecentRunIds() throws Exception {
        vc.keys(":");
        vc.type("show 2025");
        vc.keys("Tab");
        assertEquals(List.of(FAILED, OLD), vc.model().prompt().menu);
        vc.keys("C-u");
        vc.type("show 202503");
        vc.keys("Tab");
        assertEquals("show " + FAILED + " ", vc.model().prompt().text());
    }
}

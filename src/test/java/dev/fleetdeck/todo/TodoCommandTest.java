package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.cli.TodoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fleetdeck todo} as the lead will mount it (the command stands alone until then). */
class TodoCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TodoCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private Path sample() throws Exception {
        Path f = dir.resolve("TODO-CHECKLIST.md");
        Files.write(f, SampleChecklistTest.sample());
        return f;
    }

    @Test
    void showsSectionsWithProgressBarsAndItems() throws Exception {
        Run r = run(sample().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[----------] 3/48 6%"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+Day 1-2: Deployment Safety\\s+\\[####------] 2/5 40%")), r.out());
        assertTrue(r.out().contains("   1 [x] Create pre-flight.sh"), r.out());
        assertFalse(r.out().contains("Blockers"), "sections without items are left out");
        assertFalse(r.out().contains("fleetdeck:"), "markers are not shown");
    }

    @Test
    void jsonHasItemsAndNestedSections() throws Exception {
        Run r = run(sample().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(48, j.get("total").asInt());
        assertEquals("Week 1: Critical", j.at("/sections/0/sections/0/title").asText());
        assertEquals(16, j.at("/sections/0/sections/0/total").asInt());
        JsonNode metric = j.get("items").findParents("metric").get(0);
        assertEquals("cortex", metric.get("host").asText());
        assertEquals(5, metric.get("atLeast").asInt());
    }

    @Test
    void checkAndUncheckByNumberOrText() throws Exception {
        Path f = sample();
        byte[] before = Files.readAllBytes(f);
        Run r = run("check", "safe-deploy", "--file", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("checked #3 Create safe-deploy.sh", r.out().lines().findFirst().orElseThrow());
        r = run("uncheck", "3", "-f", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("unchecked #3"), r.out());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)));
        r = run("uncheck", "3", "-f", f.toString());
        assertTrue(r.out().contains("already unchecked"), r.out());
        r = run("check", "safe", "deploy", "on", "-f", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("checked #4 Test a safe deploy on Cortex"), r.out());
    }

    @Test
    void badUsageIsOneLineAndExitTwo() throws Exception {
        Path f = sample();
        Run r = run("check", "just", "-f", f.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("fleetdeck: \"just\" matches"), r.err());

        r = run(dir.resolve("missing.md").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no checklist at"), r.err());

        r = run("check", "999", "-f", f.toString());
        assertEquals(2, r.code());
        assertEquals("fleetdeck: no item 999 in " + f + " (it has 48)\n", r.err());

        assertEquals(2, run("check").code());
    }
}

package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checklist the demo fleet ships: the owner's plan, with some items linked to tasks and metrics. */
class SampleChecklistTest {

    static byte[] sample() throws Exception {
        try (InputStream in = TodoDocument.class.getResourceAsStream("sample-TODO-CHECKLIST.md")) {
            assertNotNull(in, "sample checklist is on the class path");
            return in.readAllBytes();
        }
    }

    @Test
    void parsesIntoThePlansSections() throws Exception {
        TodoDocument doc = TodoDocument.parse(sample(), "sample");
        Section top = doc.root().children().get(0);
        assertEquals("TODO Checklist", top.title());
        assertEquals(List.of("Week 1: Critical", "Week 2-4: High Priority", "Month 2-3: Nice to Have",
                "Success Metrics", "Blockers & Issues", "Learnings"), top.children().stream().map(Section::title).toList());
        Section week1 = top.children().get(0);
        assertEquals(List.of("Day 1-2: Deployment Safety", "Day 3: Just Automation", "Day 4-5: Core/Optional Architecture",
                "Day 6-7: Automated Backups"), week1.children().stream().map(Section::title).toList());
        assertEquals(new Progress(2, 5), week1.children().get(0).progress());
        assertEquals(new Progress(3, 16), week1.progress());
        assertEquals(new Progress(3, 48), doc.progress());
        assertEquals(0, top.children().get(5).progress().total(), "the code block holds no task");
    }

    @Test
    void carriesLinksToTasksAndMetrics() throws Exception {
        TodoDocument doc = TodoDocument.parse(sample(), "sample");
        TodoItem metric = doc.find(ItemRef.parse("5 successful deploys"));
        assertEquals(List.of(new TodoLink.MetricLink("deploys", "cortex", 5)), metric.links());
        assertEquals(List.of("TODO Checklist", "Success Metrics", "Week 1"), metric.headings());
        TodoItem backups = doc.find(ItemRef.parse("Verify daily backups"));
        assertEquals(List.of(new TodoLink.TaskLink("backup-verify", "@servers")), backups.links());
        assertEquals(11, doc.items().stream().filter(i -> !i.links().isEmpty()).count());
    }
}

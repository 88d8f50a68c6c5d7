package dev.fleetdeck.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TodoLinkTest {

    @Test
    void parsesTaskAndMetricMarkers() {
        assertEquals(List.of(new TodoLink.TaskLink("backup-verify", "@servers"),
                        new TodoLink.MetricLink("deploys", "cortex", 5)),
                TodoLink.findAll("a <!-- fleetdeck: backup-verify @servers --> b <!--fleetdeck:deploys cortex>=5-->"));
        assertEquals(Optional.of(new TodoLink.TaskLink("gpu-check", "cortex, orion")),
                TodoLink.parseBody("  gpu-check   cortex,   orion "));
        assertEquals(Optional.of(new TodoLink.TaskLink("validate", "")), TodoLink.parseBody("validate"));
    }

    @Test
    void malformedMarkersAreNoLinks() {
        assertEquals(Optional.empty(), TodoLink.parseBody(""));
        assertEquals(Optional.empty(), TodoLink.parseBody("deploys cortex >= many"));
        assertEquals(Optional.empty(), TodoLink.parseBody("-oops"));
        assertEquals(List.of(), TodoLink.findAll("<!-- other: x --> <!-- fleetdeck: unclosed"));
    }

    @Test
    void markersOnFollowingLinesOfTheItemCountButNotASubItemsMarkers() {
        TodoDocument doc = TodoDocument.parse(EdgeCases.utf8("""
                - [ ] Verify backups
                  <!-- fleetdeck: backup-verify
                       @servers -->
                  - [ ] child <!-- fleetdeck: gpu-check -->
                """), "m");
        assertEquals(List.of(new TodoLink.TaskLink("backup-verify", "@servers")), doc.items().get(0).links());
        assertEquals(List.of(new TodoLink.TaskLink("gpu-check", "")), doc.items().get(1).links());
        assertEquals("child", doc.items().get(1).text());
    }
}

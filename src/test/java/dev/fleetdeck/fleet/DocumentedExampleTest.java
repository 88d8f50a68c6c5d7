package dev.fleetdeck.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The complete example in docs/fleet-json.md must load as printed. */
class DocumentedExampleTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleLoads() throws Exception {
        String doc = Files.readString(Path.of("docs/fleet-json.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Fixtures.write(dir, "deploy-nodes.json", "{\"lyra\": {\"hostname\": \"10.0.0.7\", \"profiles\": {\"system\": {}}}}");

        Fleet fleet = Fixtures.load(dir, example);

        assertEquals(List.of("cortex", "orion", "lyra"), fleet.hosts().stream().map(Host::name).toList());
        Host cortex = fleet.host("cortex").orElseThrow();
        assertEquals(List.of("servers", "gpu"), cortex.tags());
        assertEquals(2, cortex.health().size());
        assertEquals("nas", cortex.backup().job());
        assertEquals("orion", fleet.host("orion").orElseThrow().address());
        assertEquals(DeployEngine.DEPLOY_RS, fleet.host("lyra").orElseThrow().engine());
    }
}

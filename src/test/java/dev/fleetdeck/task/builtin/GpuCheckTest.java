package dev.fleetdeck.task.builtin;

import static dev.fleetdeck.task.StepStatus.FAILED;
import static dev.fleetdeck.task.StepStatus.PASSED;
import static dev.fleetdeck.task.StepStatus.SKIPPED;
import static dev.fleetdeck.task.StepStatus.WARNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.demo.SimulatedNixos;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gpu-check with the nvidia-smi fake and a real HTTP server playing Ollama's API (curl is real). */
class GpuCheckTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    @Test
    void passesOnAWorkingGpuHostAndFailsABrokenOne() throws Exception {
        HttpServer ollama = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ollama.createContext("/api/tags", ex -> {
            byte[] body = "{\"models\":[{\"name\":\"qwen2.5-coder:32b\",\"size\":19851349856}]}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        ollama.start();
        try {
            TestHost cortex = hosts.start();
            SimulatedNixos.install(cortex).gpu("570.86.16", "12.8").unit("ollama.service", "active", "success");
            TestHost noDriver = hosts.start();
            SimulatedNixos.install(noDriver).gpu(null, null).unit("ollama.service", "active", "success");
            TestHost oldDriver = hosts.start();
            SimulatedNixos.install(oldDriver).gpu("550.135", "12.4").unit("ollama.service", "active", "success");
            TestHost ollamaDown = hosts.start();
            SimulatedNixos.install(ollamaDown).gpu("570.86.16", "12.8").failUnit("ollama.service");
            TestHost orion = hosts.start();
            SimulatedNixos.install(orion);

            List<String> gpu = List.of("gpu");
            BuiltinRun run = BuiltinRun.run(hosts, "gpu-check", List.of(
                    BuiltinRun.host(cortex, "cortex", gpu, null, List.of()),
                    BuiltinRun.host(noDriver, "no-driver", gpu, null, List.of()),
                    BuiltinRun.host(oldDriver, "old-driver", gpu, null, List.of()),
                    BuiltinRun.host(ollamaDown, "ollama-down", gpu, null, List.of()),
                    BuiltinRun.host(orion, "orion", List.of(), null, List.of())),
                    Map.of("ollamaUrl", "http://127.0.0.1:" + ollama.getAddress().getPort()), ManualConfirmer.NOBODY);

            run.expectAllPassedExcept("cortex", Map.of());
            run.expect("cortex", "gpu-visible", PASSED, "NVIDIA GeForce RTX 5090, 570.86.16");
            run.expectMessage("no-driver", "gpu-visible", FAILED, "couldn't communicate with t");
            run.expectMessage("old-driver", "driver-version", FAILED, "driver 550 < 570");
            run.expect("old-driver", "cuda-version", SKIPPED, null);
            run.expectMessage("ollama-down", "ollama-active", FAILED, "ollama.service is failed");
            run.statuses("orion").values().forEach(s -> assertEquals(SKIPPED, s));
            assertFalse(run.result.passed());
        } finally {
            ollama.stop(0);
        }
    }
}

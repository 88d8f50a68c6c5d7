package dev.fleetdeck.task.builtin;

import static dev.fleetdeck.task.StepStatus.FAILED;
import static dev.fleetdeck.task.StepStatus.PASSED;
import static dev.fleetdeck.task.StepStatus.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.fleet.HealthCheck;
import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.demo.SimulatedNixos;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** validate after a (simulated) deploy: healthy, degraded, health check down. */
class ValidateTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    static HttpServer web;
    static String base;

    @BeforeAll
    static void web() throws Exception {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", ex -> {
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/healthz") ? 200 : 503, -1);
            ex.close();
        });
        web.start();
        base = "http://127.0.0.1:" + web.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        web.stop(0);
    }

    static List<HealthCheck> checks(String path) {
        Duration p = Duration.ofMillis(100);
        return List.of(new HealthCheck.Cmd("nginx config", "systemctl is-active sshd", p, Duration.ofSeconds(5)),
                new HealthCheck.Http("web", base + path, 200, p, Duration.ofSeconds(5)));
    }

    @Test
    void passesOnAHealthyHostAndFailsDegradedOrUnhealthyHosts() throws Exception {
        TestHost healthy = hosts.start();
        SimulatedNixos.install(healthy);
        TestHost degraded = hosts.start();
        SimulatedNixos.install(degraded).failUnit("home-assistant.service");
        TestHost unhealthy = hosts.start();
        SimulatedNixos.install(unhealthy);

        // A failing health check is retried until the step's budget runs out (60 s as shipped): 2 s here.
        BuiltinRun run = BuiltinRun.run(hosts, "validate", BuiltinRun.timeout("health", Duration.ofSeconds(2)), List.of(
                BuiltinRun.host(healthy, "healthy", List.of(), null, checks("/healthz")),
                BuiltinRun.host(degraded, "degraded", List.of(), null, checks("/healthz")),
                BuiltinRun.host(unhealthy, "unhealthy", List.of(), null, checks("/broken"))),
                Map.of("dnsName", "localhost"), ManualConfirmer.NOBODY);

        run.expectAllPassedExcept("healthy", Map.of());
        run.expect("healthy", "system-running", PASSED, "system state: running");
        run.expect("healthy", "dns", PASSED, "localhost");

        run.expectMessage("degraded", "system-running", FAILED, "degraded; failed units: home-assistant.service");
        run.expect("degraded", "system-running", FAILED, "system state: degraded");
        run.expect("degraded", "health", SKIPPED, null);

        run.expect("unhealthy", "system-running", PASSED, null);
        run.expect("unhealthy", "health", FAILED, "\"web\"");
        assertFalse(run.result.passed());
    }
}

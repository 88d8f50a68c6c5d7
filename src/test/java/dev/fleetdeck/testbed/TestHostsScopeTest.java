package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Instance-field extensions close hosts after each test, static ones after the class (not after @Nested). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestHostsScopeTest {
    private static final List<TestHost> perTestHosts = new CopyOnWriteArrayList<>();
    private static TestHost classHost;

    @RegisterExtension
    static final TestHosts perClass = new TestHosts();

    @RegisterExtension
    final TestHosts perTest = new TestHosts();

    @Test
    @Order(1)
    void first() {
        perTestHosts.add(perTest.start());
        classHost = perClass.start();
    }

    @Test
    @Order(2)
    void second() {
        assertEquals(1, perTestHosts.size());
        assertClosed(perTestHosts.get(0));
        assertTrue(classHost.sshdRunning(), "class-scoped host survives single tests");
        perTestHosts.add(perTest.start());
    }

    @Nested
    class Inner {
        @Test
        void seesTheClassHost() {
            assertTrue(classHost.sshdRunning());
        }
    }

    @AfterAll
    static void everyPerTestHostIsClosedAndTheClassHostIsNotYet() {
        perTestHosts.forEach(TestHostsScopeTest::assertClosed);
        // Runs after @Nested Inner finished: its afterAll must not have closed the outer class's hosts.
        assertTrue(classHost.sshdRunning());
    }

    private static void assertClosed(TestHost host) {
        assertFalse(host.sshdRunning(), host + " still running");
        assertFalse(Files.exists(host.dir()), host + " still has its directory");
    }
}

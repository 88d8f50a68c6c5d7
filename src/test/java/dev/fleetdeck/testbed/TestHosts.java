package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts real OpenSSH servers and always stops them.
 *
 * <pre>
 * &#64;RegisterExtension static final TestHosts hosts = new TestHosts(); // hosts live for the class
 * &#64;RegisterExtension final TestHosts hosts = new TestHosts();        // hosts live for one test
 * </pre>
 *
 * Also usable without JUnit via try-with-resources. A JVM shutdown hook closes anything left open, and the
 * next JVM removes what a killed one left behind.
 */
public final class TestHosts implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {
    private static final int LOG_LINES_ON_FAILURE = 60;

    private final List<TestHost> hosts = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** Set by beforeAll, which JUnit only calls for static fields: then hosts outlive single tests. */
    private volatile Class<?> classScope;
    private Path dir;
    private UserKeys keys;

    /** sshd on 127.0.0.1 and a free port. */
    public TestHost start() {
        return start(TestHostOptions.defaults());
    }

    public TestHost start(TestHostOptions options) {
        Path hostDir;
        UserKeys userKeys;
        synchronized (this) {
            hostDir = dir().resolve("hosts").resolve("h" + counter.incrementAndGet());
            userKeys = keys;
        }
        TestHost host = TestHost.start(hostDir, userKeys, options);
        hosts.add(host);
        return host;
    }

    /** sshd on port 22 of its own network namespace; skips the test when not root or namespaces are unavailable. */
    public TestHost startInNetns() {
        return start(TestHostOptions.defaults().inNetns());
    }

    /** A temp directory for this extension (the test bed keeps its own files in {@code hosts/} and {@code keys/}). */
    public synchronized Path dir() {
        if (dir == null) {
            Workspace workspace = Workspace.get();
            dir = workspace.newDir("testhosts");
            keys = new UserKeys(dir.resolve("keys"));
            workspace.register(this);
        }
        return dir;
    }

    /** The hosts started and not yet closed, oldest first. */
    public List<TestHost> hosts() {
        return hosts.stream().filter(h -> !h.isClosed()).toList();
    }

    /** argv for the OpenSSH client running {@code remoteCommand} on {@code host} with its user key. */
    public static List<String> sshCommand(TestHost host, String... remoteCommand) {
        return SshCommand.to(host).command(remoteCommand);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classScope == null) classScope = context.getRequiredTestClass();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) printLogs(context.getDisplayName());
        if (classScope == null) close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // @Nested classes inherit the extension and report their own afterAll: only the owner's counts.
        if (context.getRequiredTestClass() != classScope) return;
        if (context.getExecutionException().isPresent()) printLogs(context.getDisplayName());
        close();
    }

    /** Closes every host and deletes {@link #dir()}; the extension can be used again afterwards. */
    @Override
    public void close() {
        List<Throwable> failures = new ArrayList<>();
        List<TestHost> started = new ArrayList<>(hosts);
        Collections.reverse(started);
        for (TestHost host : started) {
            try {
                host.close();
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
            hosts.remove(host);
        }
        synchronized (this) {
            if (dir != null) {
                Os.deleteRecursively(dir);
                Workspace.get().unregister(this);
                dir = null;
                keys = null;
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("closing test hosts failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    private void printLogs(String testName) {
        for (TestHost host : hosts()) {
            List<String> lines = host.log().lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size());
            System.err.println("---- " + testName + " failed; sshd log of " + host + " (last " + tail.size()
                    + " lines) ----");
            tail.forEach(System.err::println);
        }
    }
}

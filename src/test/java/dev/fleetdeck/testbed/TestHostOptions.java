package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.util.ArrayList;
import java.util.List;

/**
 * How to start a {@link TestHost}. Immutable; start from {@link #defaults()}.
 *
 * @param netns      run sshd in its own network namespace (root only) instead of on 127.0.0.1
 * @param port       fixed port, or 0 for a free loopback port (loopback) / 22 (netns)
 * @param sshdConfig extra sshd_config lines; they win over the test bed's defaults (sshd keeps the first value)
 */
public record TestHostOptions(boolean netns, int port, List<String> sshdConfig) {

    public TestHostOptions {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        sshdConfig = List.copyOf(sshdConfig);
    }

    public static TestHostOptions defaults() {
        return new TestHostOptions(false, 0, List.of());
    }

    public TestHostOptions inNetns() {
        return new TestHostOptions(true, port, sshdConfig);
    }

    public TestHostOptions withPort(int fixedPort) {
        return new TestHostOptions(netns, fixedPort, sshdConfig);
    }

    /** E.g. {@code withSshdConfig("MaxSessions 1", "ClientAliveInterval 1")}. */
    public TestHostOptions withSshdConfig(String... lines) {
        List<String> all = new ArrayList<>(sshdConfig);
        all.addAll(List.of(lines));
        return new TestHostOptions(netns, port, all);
    }
}

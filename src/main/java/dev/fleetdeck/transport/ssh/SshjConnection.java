package dev.fleetdeck.transport.ssh;

import java.io.IOException;
import java.time.Duration;
import net.schmizz.sshj.SSHClient;

/** One live, authenticated sshj connection and what we learned about its death. */
final class SshjConnection implements AutoCloseable {

    private final SSHClient client;
    private final Duration connectTime;
    private volatile String deathReason;
    private volatile boolean dead;
    private volatile boolean probed;

    SshjConnection(SSHClient client, Duration connectTime) {
        this.client = client;
        this.connectTime = connectTime;
    }

    SSHClient client() {
        return client;
    }

    /** Time from TCP connect to authenticated. */
    Duration connectTime() {
        return connectTime;
    }

    boolean probed() {
        return probed;
    }

    void markProbed() {
        probed = true;
    }

    boolean alive() {
        return !dead && client.isConnected() && client.isAuthenticated();
    }

    void markDead() {
        dead = true;
    }

    /** Set by sshj's disconnect listener, e.g. "Did not receive any keep-alive response for 8 seconds". */
    void died(String reason) {
        if (deathReason == null) deathReason = reason;
        dead = true;
    }

    String deathReason() {
        return deathReason;
    }

    @Override
    public void close() {
        dead = true;
        try {
            client.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}

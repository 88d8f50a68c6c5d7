package dev.fleetdeck.demo;

import java.nio.file.Path;

/**
 * One local sshd endpoint that {@link SimulatedNixos} and {@link SimulatedDeploy} turn into a simulated NixOS
 * host: its directory ({@code sshd_config}, host key, {@value #PID_FILE}, log, {@code root/}, {@code bin/}).
 * The test bed's {@code TestHost} and the demo's {@code DemoHost} are the two kinds.
 */
public interface SimHost {
    /** sshd's pid file in {@link #dir()}; a rollback that restarts sshd writes it again. */
    String PID_FILE = "sshd.pid";

    Path dir();

    Path root();

    Path binDir();

    Path logFile();

    Path userKey();

    String address();

    int port();

    String user();

    boolean isClosed();

    /** The sshd this object started runs (not one a rollback started). */
    boolean sshdRunning();

    /** In a network namespace (root only); the demo's hosts never are. */
    default boolean inNetns() {
        return false;
    }

    default String netnsName() {
        throw new IllegalStateException("not a network namespace host");
    }
}

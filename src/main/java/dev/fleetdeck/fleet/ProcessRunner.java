package dev.fleetdeck.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs a local command to completion; injectable so tests can answer for {@code nix} or {@code ssh}. */
@FunctionalInterface
public interface ProcessRunner {

    /**
     * @param command program and arguments, no shell involved
     * @param workDir working directory, or {@code null} for the current one
     * @throws IOException when the program cannot be started or does not finish within {@code timeout}
     */
    ProcessResult run(List<String> command, Path workDir, Duration timeout) throws IOException;
}

package dev.fleetdeck.fleet;

import dev.fleetdeck.json.DurationText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands for real. Output goes through temp files, so neither stream can fill up and stall the child. */
public final class SystemProcessRunner implements ProcessRunner {

    @Override
    public ProcessResult run(List<String> command, Path workDir, Duration timeout) throws IOException {
        Path out = Files.createTempFile("fleetdeck-out", ".txt");
        Path err = Files.createTempFile("fleetdeck-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (workDir != null) builder.directory(workDir.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!waitFor(process, timeout)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + DurationText.format(timeout));
            }
            return new ProcessResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + process.info().command().orElse("a command"));
        }
    }
}

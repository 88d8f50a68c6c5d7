package dev.fleetdeck.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs short helper programs (ssh-keygen, ssh-add, ip, kill, ssh) to completion and keeps their output for error messages. */
public final class Exec {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public record Result(List<String> argv, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String describe() {
            return String.join(" ", argv) + " exited with " + exitCode
                    + (stdout.isBlank() ? "" : "\n--- stdout ---\n" + stdout)
                    + (stderr.isBlank() ? "" : "\n--- stderr ---\n" + stderr);
        }
    }

    private Exec() {
    }

    /** Runs argv and returns its stdout; throws with the whole output when it does not exit 0. */
    public static String check(String... argv) {
        return checked(run(new ProcessBuilder(argv), null, DEFAULT_TIMEOUT));
    }

    /** Like {@link #check} with {@code env} added to the program's environment (e.g. {@code SSH_AUTH_SOCK}). */
    public static String check(Map<String, String> env, String... argv) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(env);
        return checked(run(builder, null, DEFAULT_TIMEOUT));
    }

    /** Like {@link #check} with {@code stdin} fed to the program (e.g. {@code ip -batch -}). */
    public static String checkWithInput(String stdin, String... argv) {
        return checked(run(new ProcessBuilder(argv), stdin, DEFAULT_TIMEOUT));
    }

    public static Result run(List<String> argv) {
        return run(new ProcessBuilder(argv), null, DEFAULT_TIMEOUT);
    }

    public static Result run(List<String> argv, Duration timeout) {
        return run(new ProcessBuilder(argv), null, timeout);
    }

    /** Runs the prepared builder (its environment and directory are honoured, its redirects are not). */
    public static Result run(ProcessBuilder builder, String stdin, Duration timeout) {
        List<String> argv = List.copyOf(builder.command());
        Process process;
        try {
            process = builder.redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        }
        // Both streams are drained concurrently: a full stderr pipe would otherwise block the program forever.
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The program exited without reading its input; its exit code tells the story.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + timeout);
            }
            return new Result(argv, process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", argv), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read output of " + String.join(" ", argv), e.getCause());
        }
    }

    private static String checked(Result result) {
        if (!result.ok()) throw new IllegalStateException(result.describe());
        return result.stdout();
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "testbed-exec-reader");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}

package dev.fleetdeck.transport.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs the OpenSSH command-line tools for tests, with deadlines instead of hope. */
final class Proc {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Proc() {
    }

    /** Runs a command to completion and returns its output (stdout and stderr merged); fails on non-zero exit. */
    static String run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish within " + DEADLINE);
        }
        String text = out.join();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        return run(Map.of(), cmd);
    }

    /** Feeds every output line of a long-running process to {@code sink} on a daemon thread until it exits. */
    static void drainLines(Process p, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process went away; nothing more to read
            }
        }, "drain " + p.pid());
        t.setDaemon(true);
        t.start();
    }

    /** Generates an unencrypted key with {@code ssh-keygen}; returns the private key path. */
    static Path keygen(Path dir, String name, String comment, String... typeArgs)
            throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", comment,
                "-f", key.toString()));
        cmd.addAll(List.of(typeArgs));
        run(cmd.toArray(String[]::new));
        return key;
    }

    /** The {@code SHA256:…} fingerprint {@code ssh-keygen -lf} prints for a public key file. */
    static String fingerprint(Path pub) throws IOException, InterruptedException {
        return run("ssh-keygen", "-lf", pub.toString()).trim().split("\\s+")[1];
    }
}

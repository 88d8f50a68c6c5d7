package dev.fleetdeck.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A local child process whose stdout and stderr are pumped as lines; shared by the local and OpenSSH transports. */
public final class ProcessRun {

    private final Process process;
    private final Future<?> out;
    private final Future<?> err;

    private ProcessRun(Process process, Future<?> out, Future<?> err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code argv} with stdin closed.
     *
     * @param stdoutFilter sees each stdout line first and may swallow it (returns true)
     * @param stderrFilter the same for stderr
     */
    public static ProcessRun start(List<String> argv, OutputListener listener, Predicate<String> stdoutFilter,
                                   Predicate<String> stderrFilter) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        Future<?> out = pump(p.getInputStream(), OutputLine.Stream.STDOUT, listener, stdoutFilter);
        Future<?> err = pump(p.getErrorStream(), OutputLine.Stream.STDERR, listener, stderrFilter);
        return new ProcessRun(p, out, err);
    }

    private static Future<?> pump(InputStream in, OutputLine.Stream stream, OutputListener listener,
                                  Predicate<String> filter) {
        return TransportThreads.IO.submit(() -> {
            try (in) {
                LinePump.pump(in, stream, listener, filter);
            } catch (IOException e) {
                // the process was killed; its exit status tells the rest
            }
            return null;
        });
    }

    /** Waits for the process and both streams; returns the exit status. */
    public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        try {
            out.get(5, TimeUnit.SECONDS);
            err.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A grandchild kept the pipe open; the exit status is what counts.
        }
        return code;
    }

    /** SIGTERM to the process and every descendant, SIGKILL to what is left after {@code graceMillis}. */
    public void kill(long graceMillis) {
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still alive: forced below
                }
            }
            if (h.isAlive()) h.destroyForcibly();
        }
    }
}

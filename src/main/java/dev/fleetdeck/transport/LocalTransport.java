package dev.fleetdeck.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs commands on the operator's own machine with {@code /bin/sh -c}. A pty is not offered here. */
public final class LocalTransport implements Transport {

    @Override
    public Duration probe() {
        return Duration.ZERO;
    }

    @Override
    public Execution exec(Command command, OutputListener listener) {
        return ExecutionHandle.launch(command.timeout(), handle -> {
            ProcessRun run;
            try {
                run = ProcessRun.start(List.of("/bin/sh", "-c", command.script()), listener, l -> false, l -> false);
            } catch (IOException e) {
                handle.finish(new ExecResult.NotStarted(new TransportException(TransportException.Kind.CONFIG,
                        "cannot start /bin/sh: " + e.getMessage(), e)));
                return;
            }
            handle.onKill(() -> run.kill(2000));
            try {
                handle.finish(new ExecResult.Exited(run.waitFor()));
            } catch (InterruptedException e) {
                run.kill(0);
                handle.finish(new ExecResult.Cancelled());
            }
        });
    }

    @Override
    public void close() {
    }
}

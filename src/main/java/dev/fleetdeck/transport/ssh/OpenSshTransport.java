package dev.fleetdeck.transport.ssh;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.Execution;
import dev.fleetdeck.transport.ExecutionHandle;
import dev.fleetdeck.transport.OutputLine;
import dev.fleetdeck.transport.OutputListener;
import dev.fleetdeck.transport.ProcessRun;
import dev.fleetdeck.transport.RemoteScript;
import dev.fleetdeck.transport.SshSettings;
import dev.fleetdeck.transport.Transport;
import dev.fleetdeck.transport.TransportException;
import dev.fleetdeck.transport.TransportException.Kind;
import dev.fleetdeck.transport.TransportThreads;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs commands through the system {@code ssh} client, for what sshj cannot do: ProxyJump/ProxyCommand and
 * FIDO keys without an agent. Strict by construction: BatchMode (never prompts), StrictHostKeyChecking=yes,
 * no connection sharing (a fresh connection must really be fresh), ServerAlive keepalives.
 *
 * <p>ssh exits 255 both for its own errors and when the remote command does; the PID marker tells them
 * apart: no marker means the command never started.
 */
public final class OpenSshTransport implements Transport {

    private static final Pattern LOST = Pattern.compile(
            "(Timeout, server .* not responding|Connection to .* closed by remote host|client_loop: .*"
                    + "|Connection reset.*|.*Broken pipe.*|packet_write_wait: .*)");

    private final Host host;
    private final SshSettings settings;

    public OpenSshTransport(Host host, SshSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    /** The {@code ssh} argv for a remote command line (already wrapped). */
    List<String> argv(String remote, boolean pty) {
        List<String> a = new ArrayList<>(List.of("ssh",
                "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + settings.knownHosts(),
                "-o", "ControlMaster=no", "-o", "ControlPath=none",
                "-o", "ServerAliveInterval=" + settings.keepAliveInterval(),
                "-o", "ServerAliveCountMax=" + settings.keepAliveMaxCount(),
                "-o", "ConnectTimeout=" + settings.connectTimeout().toSeconds(),
                "-p", Integer.toString(host.port()),
                "-l", host.user()));
        for (var id : settings.identitiesFor(host.identityFiles())) {
            a.add("-i");
            a.add(id.toString());
        }
        // A ProxyCommand (it has spaces) comes from ~/.ssh/config, which ssh applies itself to the alias.
        if (host.proxyJump() != null && !host.proxyJump().contains(" ")) {
            a.add("-o");
            a.add("ProxyJump=" + host.proxyJump());
        }
        a.add(pty ? "-tt" : "-T");
        a.add("--");
        a.add(host.address());
        a.add(remote);
        return a;
    }

    @Override
    public Duration probe() throws TransportException {
        long start = System.nanoTime();
        ExecResult r;
        try {
            r = exec(Command.shell("true").withTimeout(settings.connectTimeout().plusSeconds(5)), OutputListener.IGNORE)
                    .await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(Kind.UNREACHABLE, host.name() + ": interrupted");
        }
        if (r instanceof ExecResult.NotStarted ns) throw ns.cause();
        if (!r.ok()) throw new TransportException(Kind.UNREACHABLE, host.name() + ": probe " + r.describe());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public Execution exec(Command command, OutputListener listener) {
        return ExecutionHandle.launch(command.timeout(), handle -> run(command, listener, handle));
    }

    private void run(Command command, OutputListener listener, ExecutionHandle handle) {
        // ssh's own complaints arrive on stderr before the marker: hold them back until we know whose they are.
        List<String> early = new ArrayList<>();
        List<String> lastErr = new ArrayList<>();
        RemoteScript.PidWatch pids = new RemoteScript.PidWatch(() -> {
            synchronized (early) {
                early.forEach(l -> listener.onLine(new OutputLine(OutputLine.Stream.STDERR, l, Instant.now())));
                early.clear();
            }
        });
        ProcessRun run;
        try {
            run = ProcessRun.start(argv(RemoteScript.wrap(command.script()), command.pty()), listener, pids, line -> {
                if (pids.test(line)) return true;
                synchronized (early) {
                    if (pids.pid().isEmpty()) {
                        early.add(line);
                        return true;
                    }
                    if (lastErr.size() == 3) lastErr.remove(0);
                    lastErr.add(line);
                }
                return false;
            });
        } catch (IOException e) {
            handle.finish(new ExecResult.NotStarted(new TransportException(Kind.CONFIG,
                    "cannot run ssh (is openssh-client installed?): " + e.getMessage(), e)));
            return;
        }
        handle.onKill(() -> kill(run, pids));
        int code;
        try {
            code = run.waitFor();
        } catch (InterruptedException e) {
            run.kill(0);
            handle.finish(new ExecResult.Cancelled());
            return;
        }
        synchronized (early) {
            if (pids.pid().isEmpty()) {
                handle.finish(code == 255 ? new ExecResult.NotStarted(notStarted(early))
                        : new ExecResult.Exited(code));
                return;
            }
            if (code == 255) {
                String lost = lastErr.stream().filter(l -> LOST.matcher(l).matches()).findFirst().orElse(null);
                if (lost != null) {
                    handle.finish(new ExecResult.ConnectionLost(lost));
                    return;
                }
            }
        }
        handle.finish(new ExecResult.Exited(code));
    }

    private void kill(ProcessRun run, RemoteScript.PidWatch pids) {
        var pid = pids.pid();
        if (pid.isPresent()) {
            try {
                ProcessRun k = ProcessRun.start(argv(RemoteScript.killScript(pid.getAsLong()), false),
                        OutputListener.IGNORE, l -> true, l -> true);
                TransportThreads.TIMERS.schedule(() -> k.kill(0), 15, java.util.concurrent.TimeUnit.SECONDS);
                k.waitFor();
            } catch (IOException | InterruptedException e) {
                // fall through to killing the local client
            }
        }
        run.kill(1000);
    }

    private TransportException notStarted(List<String> sshErrors) {
        String text = String.join(" ", sshErrors).trim();
        String where = host.user() + "@" + host.address() + ":" + host.port();
        Kind kind;
        if (text.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")) kind = Kind.HOST_KEY_CHANGED;
        else if (text.contains("Host key verification failed") || text.contains("No ED25519 host key is known")
                || text.contains("host key is known")) kind = Kind.HOST_KEY_UNKNOWN;
        else if (text.contains("Permission denied")) kind = Kind.AUTH_FAILED;
        else kind = Kind.UNREACHABLE;
        String last = sshErrors.isEmpty() ? "ssh exited 255" : sshErrors.get(sshErrors.size() - 1);
        return new TransportException(kind, host.name() + ": ssh to " + where + " failed: " + last.trim());
    }

    @Override
    public void close() {
    }
}

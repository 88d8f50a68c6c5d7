package dev.fleetdeck.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lets ~/.ssh/config fill in what fleet.json leaves open, by asking {@code ssh -G} (so Host patterns, Match
 * blocks and Include all work exactly as for ssh). {@code ssh -G} prints ssh's built-in defaults too; a value
 * only counts as configured when it differs from what ssh prints with no config at all ({@code -F /dev/null}).
 */
public final class SshConfigResolver {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_PARALLEL = 8;
    /** A name no config matches (.invalid is reserved), to learn ssh's own defaults. */
    private static final String PROBE = "fleetdeck-probe.invalid";

    private final Environment env;

    public SshConfigResolver(Environment env) {
        this.env = env;
    }

    /** Whether an {@code ssh} binary is on PATH; without one, resolution is skipped. */
    public boolean available() {
        return env.findExecutable("ssh").isPresent();
    }

    /**
     * {@code ssh -G} for one destination; {@code port} and {@code user} are passed when set so that
     * {@code Match} blocks see them as ssh would. Empty when ssh is not installed.
     *
     * @throws IOException when ssh fails, e.g. on a syntax error in the config
     */
    public Optional<SshConfig> query(String destination, Integer port, String user) throws IOException {
        return run(env.sshConfigFile(), destination, port, user);
    }

    /**
     * Resolves every spec in parallel (one process each). A spec's {@code address} (else its name) is the
     * destination; its explicit {@code port}/{@code user} are passed on.
     */
    public SshResolution resolveAll(List<HostSpec> specs) {
        if (!available()) return SshResolution.none();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, specs.size() + 1), r -> {
            Thread t = new Thread(r, "fleetdeck-ssh-G");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Optional<SshConfig>> baseline = pool.submit(() -> run(Path.of("/dev/null"), PROBE, null, null));
            List<Future<Optional<SshConfig>>> answers = new ArrayList<>();
            for (HostSpec s : specs) answers.add(pool.submit(() -> query(destination(s), s.port(), s.user())));
            return collect(specs, baseline, answers);
        } finally {
            pool.shutdownNow();
        }
    }

    private SshResolution collect(List<HostSpec> specs, Future<Optional<SshConfig>> baselineAnswer,
                                  List<Future<Optional<SshConfig>>> answers) {
        SshConfig baseline;
        try {
            baseline = await(baselineAnswer).orElse(null);
        } catch (IOException e) {
            return new SshResolution(Map.of(), List.of(), List.of("ssh -G does not work (" + e.getMessage()
                    + "); ~/.ssh/config is not applied"));
        }
        if (baseline == null) return SshResolution.none();
        PathExpander paths = new PathExpander(env.home(), env.cwd());
        Map<String, HostSpec> layers = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            HostSpec spec = specs.get(i);
            try {
                await(answers.get(i)).ifPresent(c -> layers.put(spec.name(), layer(spec, c, baseline, paths)));
            } catch (IOException e) {
                notes.add(spec.name() + ": ~/.ssh/config not applied: " + e.getMessage());
            }
        }
        return new SshResolution(layers, existing(baseline.identityFiles(), paths), notes);
    }

    /** Only what differs from ssh's defaults; the HostName only when it is more than the destination echoed. */
    private static HostSpec layer(HostSpec spec, SshConfig c, SshConfig baseline, PathExpander paths) {
        String destination = destination(spec);
        String hostname = c.hostname() != null && !c.hostname().equalsIgnoreCase(destination) ? c.hostname() : null;
        Integer port = c.port() != null && !c.port().equals(baseline.port()) ? c.port() : null;
        String user = c.user() != null && !c.user().equals(baseline.user()) ? c.user() : null;
        List<String> keys = c.identityFiles().equals(baseline.identityFiles()) ? null : existing(c.identityFiles(), paths);
        String proxy = c.proxyJump() != null ? c.proxyJump() : c.proxyCommand();
        return new HostSpec(spec.name(), hostname, port, user, null, null, null,
                keys == null || keys.isEmpty() ? null : keys, proxy, null, null, null);
    }

    private static List<String> existing(List<String> files, PathExpander paths) {
        return files.stream().map(paths::expand).filter(f -> Files.isRegularFile(Path.of(f))).toList();
    }

    private static String destination(HostSpec spec) {
        return spec.address() != null ? spec.address() : spec.name();
    }

    private Optional<SshConfig> run(Path configFile, String destination, Integer port, String user) throws IOException {
        Optional<Path> ssh = env.findExecutable("ssh");
        if (ssh.isEmpty()) return Optional.empty();
        List<String> command = new ArrayList<>(List.of(ssh.get().toString(), "-G"));
        if (configFile != null) command.addAll(List.of("-F", configFile.toString()));
        if (port != null) command.addAll(List.of("-p", port.toString()));
        if (user != null) command.addAll(List.of("-l", user));
        command.addAll(List.of("--", destination));
        ProcessResult result = env.processes().run(command, null, TIMEOUT);
        if (result.exitCode() != 0) throw new IOException("ssh -G " + destination + ": " + result.errorSummary());
        return Optional.of(SshConfig.parse(result.stdout()));
    }

    private static Optional<SshConfig> await(Future<Optional<SshConfig>> answer) throws IOException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}

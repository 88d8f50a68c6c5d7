package dev.fleetdeck.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fleet {@code fleetdeck demo} runs, all under one temporary directory and without root:
 * <ul>
 *   <li>{@code orion}, {@code cortex} and {@code nas}: simulated NixOS hosts ({@link SimulatedNixos},
 *       made deployable by {@link SimulatedDeploy}), each a real sshd on a free 127.0.0.1 port.</li>
 *   <li>{@code nas} has a real Borg repository (job {@code nas-home}) with three daily archives.</li>
 *   <li>Two workstations (engine stand-ins plus a flake directory each): {@code good/} maps cortex and orion to
 *       a healthy new generation, {@code bad/} maps cortex to one whose activation stops sshd (a generation that
 *       breaks SSH access; network namespaces would need root, so the demo's "network loss" is sshd going
 *       away). The rollback guard on the host restores the previous generation, which starts sshd again.</li>
 *   <li>{@code fleet.json}, {@code known_hosts} and {@code TODO-CHECKLIST.md} (the sample checklist).</li>
 * </ul>
 * {@link #close()} kills every sshd and transient unit and deletes the directory; it is idempotent.
 */
public final class DemoFleet implements AutoCloseable {
    public static final String TARGET = "cortex";

    private final Path dir;
    private final Map<String, DemoHost> hosts = new LinkedHashMap<>();
    private final Map<String, SimulatedDeploy> sims = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private SimulatedDeploy.Workstation good;
    private SimulatedDeploy.Workstation bad;
    private String backupJson = "";

    private DemoFleet(Path dir) {
        this.dir = dir;
    }

    /** Whether the OpenSSH server the demo needs is installed. */
    public static boolean sshdInstalled() {
        try {
            Sshd.binary();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Builds and starts the demo fleet in a fresh temporary directory. */
    public static DemoFleet start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("fleetdeck-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoFleet f = new DemoFleet(dir);
        try {
            f.build();
            return f;
        } catch (RuntimeException | Error e) {
            f.close();
            throw e;
        }
    }

    private void build() {
        SimulatedNixos.mkdirs(dir.resolve("keys"));
        Path userKey = SshKeys.generate("ed25519", dir.resolve("keys/id_ed25519"), "", "fleetdeck-demo");
        Path authorized = dir.resolve("keys/authorized_keys");
        SimulatedNixos.write(authorized, SshKeys.publicKeyLine(SshKeys.publicFile(userKey)) + "\n");
        good = new SimulatedDeploy.Workstation(dir.resolve("good"), 100);
        bad = new SimulatedDeploy.Workstation(dir.resolve("bad"), 500);
        for (String name : List.of("orion", TARGET, "nas")) {
            DemoHost h = DemoHost.start(dir.resolve("hosts/" + name), userKey, authorized);
            hosts.put(name, h);
            SimulatedNixos nixos = SimulatedNixos.install(h);
            sims.put(name, SimulatedDeploy.install(h, nixos));
        }
        writeKnownHosts();
        for (String name : hosts.keySet()) {
            good.sshOptions(name, hosts.get(name), knownHosts());
            bad.sshOptions(name, hosts.get(name), knownHosts());
            good.build(name, SimulatedDeploy.Fault.NONE);
        }
        bad.build(TARGET, SimulatedDeploy.Fault.STOP_SSHD);
        if (borgInstalled()) {
            Instant noon = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
            BorgFixture borg = BorgFixture.create(sims.get("nas").nixos(), "nas-home");
            for (int days = 3; days >= 1; days--) borg.archive(noon.minus(Duration.ofDays(days)));
            backupJson = """
                    ,
                          "backup": { "repository": "%s", "job": "nas-home", "passCommand": "%s",
                                      "maxAge": "2d", "keep": { "daily": 7, "weekly": 4, "monthly": 6 } }"""
                    .formatted(json(borg.repository()), json(borg.passCommand()));
        } else {
            notes.add("borg is not installed (apt-get install borgbackup): nas has no backups to verify");
        }
        writeFleet(userKey);
        SimulatedNixos.write(todoFile(), sampleChecklist());
    }

    private static boolean borgInstalled() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "borg"))) return true;
        }
        return false;
    }

    private void writeKnownHosts() {
        StringBuilder b = new StringBuilder();
        hosts.values().forEach(h -> b.append(h.knownHostsLine()).append('\n'));
        SimulatedNixos.write(knownHosts(), b.toString());
    }

    private void writeFleet(Path userKey) {
        String health = """
                "confirmTimeout": "20s",
                          "health": [ { "cmd": "systemctl is-active api.service", "description": "api",
                                        "period": "1s", "timeout": "5s" } ]""";
        SimulatedNixos.write(fleetFile(), """
                {
                  "defaults": { "user": "%s", "identityFiles": ["%s"] },
                  "hosts": {
                    "orion":  { "address": "127.0.0.1", "port": %d, "tags": ["desktops"],
                                %s },
                    "cortex": { "address": "127.0.0.1", "port": %d, "tags": ["gpu"],
                                %s },
                    "nas":    { "address": "127.0.0.1", "port": %d, "tags": ["servers"]%s }
                  }
                }
                """.formatted(json(Os.currentUser()), json(userKey.toString()), hosts.get("orion").port(), health,
                hosts.get(TARGET).port(), health, hosts.get("nas").port(), backupJson));
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String sampleChecklist() {
        try (InputStream in = DemoFleet.class.getResourceAsStream("/dev/fleetdeck/todo/sample-TODO-CHECKLIST.md")) {
            if (in == null) throw new IllegalStateException("missing resource sample-TODO-CHECKLIST.md");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path fleetFile() {
        return dir.resolve("fleet.json");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public Path todoFile() {
        return dir.resolve("TODO-CHECKLIST.md");
    }

    /** Flake and engine stand-ins whose next generation is healthy ({@code good}) or stops sshd ({@code bad}). */
    public SimulatedDeploy.Workstation workstation(boolean healthy) {
        return healthy ? good : bad;
    }

    public Map<String, DemoHost> hosts() {
        return hosts;
    }

    public SimulatedDeploy sim(String host) {
        return sims.get(host);
    }

    /** Things the demo could not set up (a missing optional tool), for the user. */
    public List<String> notes() {
        return notes;
    }

    /** The headless deploy of the next generation of {@code workstation(healthy)} to cortex. */
    public List<String> deployCommand(boolean healthy) {
        SimulatedDeploy.Workstation ws = workstation(healthy);
        return List.of("fleetdeck", "deploy", TARGET, "--fleet", fleetFile().toString(), "--known-hosts",
                knownHosts().toString(), "--flake", ws.flake().toString(), "--engine-path", ws.bin().toString(),
                "--validate-param", "dnsName=localhost", "--yes");
    }

    /** Kills every sshd (also one a rollback started) and transient unit, then deletes the directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            // First, in-process SIGKILLs of every serving sshd and its sessions: nothing here spawns a helper, so
            // even a shutdown hook cut short leaves no sshd behind. The thorough pass below catches the rest.
            for (DemoHost h : hosts.values()) {
                long pid = h.servingSshdPid();
                if (pid <= 0 || !Os.commandLine(pid).contains(h.dir().toString())) continue;
                ProcessHandle.of(pid).ifPresent(p -> {
                    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
                    p.destroyForcibly();
                    tree.forEach(ProcessHandle::destroyForcibly);
                });
            }
            for (SimulatedDeploy s : sims.values()) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    // keep cleaning
                }
            }
            for (DemoHost h : hosts.values()) {
                try {
                    h.close();
                } catch (RuntimeException e) {
                    // keep cleaning
                }
            }
            // A rollback-started sshd whose listener died after the sim check: kill whatever the pid file names.
            for (DemoHost h : hosts.values()) {
                long pid = h.servingSshdPid();
                if (pid > 0 && Os.commandLine(pid).contains(h.dir().toString())) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } finally {
            Os.deleteRecursively(dir);
        }
    }
}

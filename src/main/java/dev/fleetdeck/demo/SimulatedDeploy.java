package dev.fleetdeck.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a {@link SimulatedNixos} host deployable, for the test bed and {@code fleetdeck demo}.
 *
 * <p>On the host ({@code binDir()}): stand-ins for {@code systemd-run} (transient units and timers that really
 * fire, as detached setsid processes that outlive the SSH session and fleetdeck), {@code systemctl} (adds
 * stop/is-active/list-timers of those units to the unit-state fake), {@code nix-env} (profile generations) and
 * {@code sim-host} (restores or breaks this host: its sshd, its netns link, its units, its HTTP status). Every
 * generation gets {@code bin/switch-to-configuration} (holds the switch lock, points /run/current-system at the
 * generation, runs the generation's {@code activate}). Activating any healthy generation restores everything,
 * which is how a rollback brings sshd and the link back.
 *
 * <p>On fleetdeck's side see {@link Workstation}: the engines' binaries and a flake of prepared generations.
 */
public final class SimulatedDeploy implements AutoCloseable {

    /** What activating a generation does to the host. */
    public enum Fault {
        NONE(""),
        /** Healthy, but takes a moment: long enough to start a second deploy meanwhile. */
        SLOW("sleep 3"),
        STOP_SSHD("sim-host stop-sshd"),
        LINK_DOWN("sim-host link-down"),
        HANG("echo 'activation hangs (simulated)'; sleep 3600"),
        EXIT_NONZERO("echo 'error: the following units failed: api.service (simulated)' >&2; exit 4"),
        SERVICE_DOWN("sim-host unit api.service inactive success"),
        HTTP_500("echo 500 > \"$FLEETDECK_ROOT/var/lib/fleetdeck-sim/http-status\""),
        /** sshd restarts with a new host key (a generation that ships its own key, e.g. from sops-nix). */
        NEW_HOST_KEY("sim-host new-host-key");

        final String script;

        Fault(String script) {
            this.script = script;
        }
    }

    private final SimHost host;
    private final SimulatedNixos nixos;
    private HttpServer http;

    private SimulatedDeploy(SimHost host, SimulatedNixos nixos) {
        this.host = host;
        this.nixos = nixos;
    }

    /** Installs the deploy stand-ins on a host already set up by {@link SimulatedNixos#install}. */
    public static SimulatedDeploy install(SimHost host, SimulatedNixos nixos) {
        SimulatedDeploy d = new SimulatedDeploy(host, nixos);
        d.installHost();
        return d;
    }

    public SimulatedNixos nixos() {
        return nixos;
    }

    /** The generation /run/current-system points at (resolved). */
    public Path currentGeneration() {
        try {
            return nixos.path("/run/current-system").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generation the system profile points at (resolved). */
    public Path profileGeneration() {
        try {
            return nixos.path("/nix/var/nix/profiles/system").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True while a transient timer of the systemd-run fake waits to fire. */
    public boolean anyTimerActive() {
        return livePids(".timer.pid").findAny().isPresent();
    }

    /** A deploy's activation unit ({@code fleetdeck-switch-*}) runs on the host now. */
    public boolean activationRunning() {
        Path dir = nixos.path("/var/lib/fleetdeck-sim/transient");
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("fleetdeck-switch-.*\\.service\\.pid"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The sshd pid file says a live sshd (the original or one a rollback started) serves this host. */
    public boolean sshdAlive() {
        try {
            return Os.isAlive(Long.parseLong(Files.readString(host.dir().resolve(SimHost.PID_FILE)).strip()));
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** An HTTP endpoint (from here) answering with the status in the host's {@code http-status} file. */
    public String httpHealthUrl() {
        if (http == null) {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path status = nixos.path("/var/lib/fleetdeck-sim/http-status");
            http.createContext("/health", ex -> {
                int code;
                try {
                    code = Integer.parseInt(Files.readString(status).strip());
                } catch (IOException | NumberFormatException e) {
                    code = 503;
                }
                ex.sendResponseHeaders(code, -1);
                ex.close();
            });
            http.start();
        }
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/health";
    }

    /** Kills what outlives a test on its own: transient units and an sshd a rollback started. */
    @Override
    public void close() {
        if (http != null) http.stop(0);
        Stream.concat(livePids(".timer.pid"), livePids(".service.pid"))
                .forEach(pid -> Exec.run(List.of("kill", "-KILL", "--", "-" + pid)));
        if (!host.isClosed() && !host.sshdRunning() && sshdAlive()) {
            try {
                Exec.run(List.of("kill", "-KILL", Files.readString(host.dir().resolve(SimHost.PID_FILE)).strip()));
            } catch (IOException e) {
                // nothing to kill
            }
        }
    }

    private Stream<Long> livePids(String suffix) {
        Path dir = nixos.path("/var/lib/fleetdeck-sim/transient");
        if (!Files.isDirectory(dir)) return Stream.empty();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).strip());
                } catch (IOException | NumberFormatException e) {
                    return -1L;
                }
            }).filter(p -> p > 0 && Os.isAlive(p)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- installation ----

    private void installHost() {
        Path bin = host.binDir();
        try {
            Files.move(bin.resolve("systemctl"), bin.resolve("systemctl-units"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String s : List.of("systemd-run", "sim-unit", "systemctl", "nix-env")) copyResource(s, bin.resolve(s));
        String link = host.inNetns() ? innerLink(host.netnsName()) : "";
        if (!link.isEmpty()) Exec.check("ip", "-n", host.netnsName(), "route", "replace", "default", "dev", link);
        Path hostKey = host.dir().resolve("ssh_host_ed25519_key");
        executable(bin.resolve("sim-host"), """
                #!/bin/sh
                # TEST-BED helper of a simulated NixOS host -- restores or breaks what a generation's activation
                # touches: this host's sshd (pid file %2$s), its netns link (%4$s), units, the HTTP status.
                set -u
                sim="$FLEETDECK_ROOT/var/lib/fleetdeck-sim"
                case "$1" in
                  start-sshd)
                    if ! kill -0 "$(cat '%2$s' 2>/dev/null)" 2>/dev/null; then
                      setsid '%1$s' -D -e -f '%3$s' < /dev/null >> '%5$s' 2>&1 9>&- &
                    fi ;;
                  restart-sshd)
                    old=$(cat '%2$s' 2>/dev/null); kill "$old" 2>/dev/null
                    while kill -0 "$old" 2>/dev/null; do sleep 0.05; done
                    "$0" start-sshd ;;
                  new-host-key)
                    rm -f "$sim/newkey" "$sim/newkey.pub"
                    ssh-keygen -q -t ed25519 -N '' -C '' -f "$sim/newkey" && cp "$sim/newkey" '%6$s' && cp "$sim/newkey.pub" '%6$s.pub'
                    "$0" restart-sshd ;;
                  restore)
                    if ! cmp -s '%6$s' "$sim/hostkey.orig"; then
                      cp "$sim/hostkey.orig" '%6$s' && cp "$sim/hostkey.orig.pub" '%6$s.pub' && "$0" restart-sshd
                    fi
                    "$0" start-sshd
                    if [ -n '%4$s' ]; then ip link set dev '%4$s' up && ip route replace default dev '%4$s'; fi
                    "$0" unit api.service active success
                    echo 200 > "$sim/http-status" ;;
                  stop-sshd) kill "$(cat '%2$s')" ;;
                  link-down) ip link set dev '%4$s' down ;;
                  unit)
                    awk -v u="$2" -v a="$3" -v r="$4" 'BEGIN { f = 0 } $1 == u { $2 = a; $3 = r; f = 1 } { print }
                        END { if (!f) print u, a, r, "(simulated)" }' "$sim/units" > "$sim/units.new" \\
                      && mv "$sim/units.new" "$sim/units" ;;
                esac
                """.formatted(Sshd.binary(), host.dir().resolve(SimHost.PID_FILE), host.dir().resolve("sshd_config"),
                link, host.logFile(), hostKey));
        copy(hostKey, nixos.path("/var/lib/fleetdeck-sim/hostkey.orig"));
        copy(Path.of(hostKey + ".pub"), nixos.path("/var/lib/fleetdeck-sim/hostkey.orig.pub"));
        nixos.unit("api.service", "active", "success");
        SimulatedNixos.write(nixos.path("/var/lib/fleetdeck-sim/http-status"), "200\n");
        // The generations SimulatedNixos built are healthy ones: give them an activation too.
        try (Stream<Path> links = Files.list(nixos.path("/nix/var/nix/profiles"))) {
            for (Path l : links.filter(p -> p.getFileName().toString().matches("system-\\d+-link")).toList()) {
                makeActivatable(l.toRealPath(), Fault.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            SimulatedNixos.mkdirs(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String innerLink(String netns) {
        for (String line : Exec.check("ip", "-n", netns, "-o", "link", "show").split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1 && f[1].startsWith("fdn")) return f[1].replaceFirst("@.*", "");
        }
        throw new IllegalStateException("no fdn* link in " + netns);
    }

    public static void makeActivatable(Path generation, Fault fault) {
        copyResource("switch-to-configuration", generation.resolve("bin/switch-to-configuration"));
        SimulatedNixos.write(generation.resolve("activate"), "# TEST-BED activation of a simulated generation\n"
                + "sim-host restore 9>&-\n" + fault.script + "\n");
    }

    public static void copyResource(String name, Path to) {
        try (InputStream in = SimulatedDeploy.class.getResourceAsStream("simdeploy/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource simdeploy/" + name);
            executable(to, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void executable(Path file, String content) {
        SimulatedNixos.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * TEST BED, fleetdeck's side: a bin directory with the engines' stand-ins ({@code nixos-rebuild}, {@code
     * nix}, {@code deploy}, {@code colmena}), a local store of prepared generations and a flake directory that
     * maps each host to the generation "built" for it next.
     */
    public static final class Workstation {
        private final Path bin;
        private final Path store;
        private final Path flake;
        private int serial;

        public Workstation(Path dir) {
            this(dir, 100);
        }

        /** {@code firstSerial}: two workstations deploying to one host need distinct generation names. */
        public Workstation(Path dir, int firstSerial) {
            this.serial = firstSerial;
            this.bin = dir.resolve("bin");
            this.store = dir.resolve("store");
            this.flake = dir.resolve("flake");
            for (String s : List.of("nixos-rebuild", "nix", "deploy", "colmena", "sim-engine")) {
                copyResource(s, bin.resolve(s));
            }
            SimulatedNixos.mkdirs(store);
            SimulatedNixos.mkdirs(flake);
        }

        public Path bin() {
            return bin;
        }

        public Path flake() {
            return flake;
        }

        /** Prepares the next generation for {@code hostName}, broken by {@code fault}; returns its store name. */
        public synchronized String build(String hostName, Fault fault) {
            int n = serial++;
            String name = String.format("g%031d", n) + "-nixos-system-" + hostName + "-" + SimulatedNixos.RELEASE;
            Path gen = store.resolve(name);
            SimulatedNixos.mkdirs(gen.resolve("sw/bin"));
            SimulatedNixos.write(gen.resolve("nixos-version"), SimulatedNixos.RELEASE + "\n");
            makeActivatable(gen, fault);
            SimulatedNixos.write(flake.resolve(".sim-builds").resolve(hostName), gen + "\n");
            return name;
        }

        /** ssh options the deploy-rs/colmena stand-ins use for {@code hostName} (deploy-rs keeps sshOpts in the flake). */
        public void sshOptions(String hostName, SimHost host, Path knownHosts) {
            SimulatedNixos.write(flake.resolve(".sim-ssh").resolve(hostName), String.join(" ", "-p",
                    Integer.toString(host.port()), "-i", host.userKey().toString(), "-o", "BatchMode=yes",
                    "-o", "UserKnownHostsFile=" + knownHosts, host.user() + "@" + host.address()) + "\n");
        }
    }
}

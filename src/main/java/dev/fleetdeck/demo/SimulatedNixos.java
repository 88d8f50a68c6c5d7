package dev.fleetdeck.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link SimHost} into a simulated NixOS machine for the built-in tasks, for the test bed and {@code fleetdeck demo}.
 *
 * <p>What cannot exist here is faked; what can is kept real:
 * <ul>
 *   <li>A NixOS-like tree under {@code root()}: {@code nix/store/<hash>-nixos-system-…} generations with
 *       {@code kernel}/{@code initrd} links, {@code nix/var/nix/profiles/system -> system-N-link},
 *       {@code run/current-system}, {@code run/booted-system}, {@code run/nixos/}, {@code boot/}, {@code etc/}.
 *       Links inside the tree are absolute, root-prefixed, as NixOS's own are absolute; the built-in tasks reach
 *       them as {@code "${FLEETDECK_ROOT:-}/run/current-system"} and the test bed sets {@code FLEETDECK_ROOT}.</li>
 *   <li>Test-bed fakes in {@code binDir()} (resources {@code dev/fleetdeck/demo/simnixos/}), each saying so in its
 *       header: {@code systemctl} (units from the state file {@code var/lib/fleetdeck-sim/units}),
 *       {@code nixos-version}, {@code ykman} (state file {@code yubikey}), {@code nvidia-smi} (state file
 *       {@code gpu}).</li>
 *   <li>Thin wrappers around real tools: {@code sshd} runs the real {@code sshd -T} on this test host's own
 *       sshd_config (so harden-audit checks the effective config of the very daemon it talks to);
 *       {@code borg} runs the real Borg with {@code BORG_BASE_DIR} inside the host's root.</li>
 *   <li>Real, untouched: df, readlink, stat, flock, /proc/locks, git, ssh-keygen, getent, ip, curl, borg.</li>
 * </ul>
 */
public final class SimulatedNixos {
    public static final String RELEASE = "24.11.20250101.abcdef0";
    private static final List<String> FAKES = List.of("systemctl", "nixos-version", "ykman", "nvidia-smi");

    private final Path root;
    private final Path binDir;
    private final Path sim;
    private final Map<String, String> units = new LinkedHashMap<>();
    private int generation;

    private SimulatedNixos(Path root, Path binDir) {
        this.root = root;
        this.binDir = binDir;
        this.sim = root.resolve("var/lib/fleetdeck-sim");
    }

    /** A healthy host: generation 2 current and booted, core units active, no YubiKey, no GPU. */
    public static SimulatedNixos install(SimHost host) {
        return install(host.root(), host.binDir(), host.dir().resolve("sshd_config"));
    }

    /** The same on plain directories: {@code sshd -T} will read {@code sshdConfig}. */
    public static SimulatedNixos install(Path root, Path binDir, Path sshdConfig) {
        SimulatedNixos s = new SimulatedNixos(root, binDir);
        s.installTools(sshdConfig);
        s.installTree();
        return s;
    }

    public Path root() {
        return root;
    }

    /** A path on the host, e.g. {@code path("/run/current-system")}. */
    public Path path(String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }

    /** The remote user's home inside the root ({@code $FLEETDECK_ROOT$HOME}), where the tasks look. */
    public Path home() {
        return path(System.getProperty("user.home"));
    }

    /** Sets a unit's state (active, failed, inactive) and last result (success, exit-code, …). */
    public SimulatedNixos unit(String unit, String activeState, String result) {
        units.put(unit, activeState + " " + result + " " + unit.replaceFirst("\\..*", "") + " (simulated)");
        writeUnits();
        return this;
    }

    public SimulatedNixos failUnit(String unit) {
        return unit(unit, "failed", "exit-code");
    }

    public SimulatedNixos stopUnit(String unit) {
        return unit(unit, "inactive", "success");
    }

    /** Builds a new generation and moves the system profile to it without activating it. */
    public SimulatedNixos profileAheadOfCurrentSystem() {
        buildGeneration(generation + 1, "6.6.68");
        link(path("/nix/var/nix/profiles/system"), Path.of("system-" + generation + "-link"));
        return this;
    }

    /** Switches to a new generation with a new kernel: /run/booted-system keeps the old one (reboot pending). */
    public SimulatedNixos kernelUpdatedSinceBoot() {
        Path gen = buildGeneration(generation + 1, "6.6.70");
        link(path("/nix/var/nix/profiles/system"), Path.of("system-" + generation + "-link"));
        link(path("/run/current-system"), gen);
        return this;
    }

    /** The lock file switch-to-configuration takes with flock(2). */
    public Path switchLock() {
        return path("/run/nixos/switch-to-configuration.lock");
    }

    public enum YubiKey { ABSENT, PRESENT_NO_PIN, PRESENT }

    public SimulatedNixos yubikey(YubiKey state) {
        write(sim.resolve("yubikey"), switch (state) {
            case ABSENT -> "present=0\n";
            case PRESENT_NO_PIN -> "present=1 serial=21436587 fido_pin=0\n";
            case PRESENT -> "present=1 serial=21436587 fido_pin=1 fido_retries=8\n";
        });
        return this;
    }

    /** An NVIDIA GPU with this driver, or none ({@code driver == null}: the driver does not answer). */
    public SimulatedNixos gpu(String driver, String cuda) {
        write(sim.resolve("gpu"), driver == null ? "present=0\n"
                : "present=1 driver=" + driver + " cuda=" + cuda + " name='NVIDIA GeForce RTX 5090'\n");
        return this;
    }

    /**
     * A user set up as the YubiKey guide says: a u2f_keys line, pam_u2f in /etc/pam.d/sudo, an sk-ssh-ed25519
     * public key, git signing with SSH keys and an allowed-signers file, and a config repo (returned) whose HEAD
     * commit is signed. The signing key is a software ed25519 key standing in for the hardware-backed one.
     */
    public Path yubikeyConfigured() {
        String user = Os.currentUser();
        Path home = home();
        write(home.resolve(".config/Yubico/u2f_keys"), user + ":Zm9vYmFyS2V5SGFuZGxl,BFh1Yl9wdWJsaWNfa2V5,es256,+presence\n");
        write(path("/etc/pam.d/sudo"), "# Generated by NixOS (simulated)\n"
                + "auth sufficient /nix/store/s0000000000000000000000000000000-pam_u2f-1.3.0/lib/security/pam_u2f.so "
                + "cue\nauth required pam_unix.so likeauth try_first_pass\n");
        write(home.resolve(".ssh/id_ed25519_sk.pub"), skPublicKeyLine(user + "@sim"));
        Path signing = SshKeys.generate("ed25519", home.resolve(".ssh/id_ed25519_signing"), "", user + "@sim");
        String email = user + "@sim.example";
        write(home.resolve(".ssh/allowed_signers"), email + " namespaces=\"git\" "
                + SshKeys.publicKeyLine(SshKeys.publicFile(signing)) + "\n");
        write(home.resolve(".gitconfig"), "[user]\n\tname = Sim User\n\temail = " + email + "\n\tsigningkey = "
                + SshKeys.publicFile(signing) + "\n[gpg]\n\tformat = ssh\n[gpg \"ssh\"]\n\tallowedSignersFile = "
                + home.resolve(".ssh/allowed_signers") + "\n[commit]\n\tgpgsign = true\n");
        Path repo = home.resolve("nix-config");
        write(repo.resolve("flake.nix"), "{ outputs = { self }: { }; }\n");
        git(home, repo, "init", "-q", "-b", "main");
        git(home, repo, "add", "flake.nix");
        git(home, repo, "commit", "-q", "-S", "-m", "Signed commit");
        return repo;
    }

    /** Adds an unsigned commit on top, as a commit made without the key would be. */
    public void unsignedCommit(Path repo) {
        write(repo.resolve("README.md"), "unsigned\n");
        git(home(), repo, "add", "README.md");
        git(home(), repo, "commit", "-q", "--no-gpg-sign", "-m", "Unsigned commit");
    }

    private static void git(Path home, Path repo, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(argv);
        b.environment().put("HOME", home.toString());
        b.environment().remove("XDG_CONFIG_HOME");
        b.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Exec.Result r = Exec.run(b, null, Exec.DEFAULT_TIMEOUT);
        if (!r.ok()) throw new IllegalStateException(r.describe());
    }

    /** An {@code sk-ssh-ed25519@openssh.com} public key line (type, 32-byte key, application "ssh:"). */
    private static String skPublicKeyLine(String comment) {
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        byte[] key = new byte[32];
        new java.util.Random(7).nextBytes(key);
        for (byte[] field : List.of("sk-ssh-ed25519@openssh.com".getBytes(StandardCharsets.US_ASCII), key,
                "ssh:".getBytes(StandardCharsets.US_ASCII))) {
            blob.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(field.length).array());
            blob.writeBytes(field);
        }
        return "sk-ssh-ed25519@openssh.com " + java.util.Base64.getEncoder().encodeToString(blob.toByteArray()) + " "
                + comment + "\n";
    }

    /** Writes a file on the host (parents created). */
    public Path file(String absolute, String content) {
        Path p = path(absolute);
        write(p, content);
        return p;
    }

    // ---- installation ----

    private void installTools(Path sshdConfig) {
        for (String fake : FAKES) {
            try (InputStream in = SimulatedNixos.class.getResourceAsStream("simnixos/" + fake)) {
                if (in == null) throw new IllegalStateException("missing test resource simnixos/" + fake);
                executable(binDir.resolve(fake), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        executable(binDir.resolve("sshd"), """
                #!/bin/sh
                # TEST-BED WRAPPER around the REAL OpenSSH sshd: only extended test mode (-T) is allowed, and it
                # reads this test host's own sshd_config, so `sshd -T` prints the effective configuration of the
                # very daemon the test talks to (NixOS's sshd reads /etc/ssh/sshd_config the same way).
                case " $* " in *" -T "*) ;; *) echo "sshd test-bed wrapper: only -T is supported" >&2; exit 1 ;; esac
                exec %s -f '%s' "$@"
                """.formatted(Sshd.binary(), sshdConfig));
        executable(binDir.resolve("borg"), """
                #!/bin/sh
                # TEST-BED WRAPPER around the REAL borg: keeps Borg's cache, keys and security dir inside this
                # host's root instead of the test runner's home. Everything else is real Borg.
                export BORG_BASE_DIR="$FLEETDECK_ROOT/var/lib/fleetdeck-sim/borg-base"
                exec %s "$@"
                """.formatted(which("borg")));
    }

    private void installTree() {
        for (String dir : List.of("/nix/var/nix/profiles", "/run/nixos", "/boot/loader/entries", "/etc/pam.d",
                "/etc/ssh", "/var/lib/fleetdeck-sim", "/tmp")) {
            mkdirs(path(dir));
        }
        buildGeneration(1, "6.6.68");
        Path gen2 = buildGeneration(2, "6.6.68");
        link(path("/nix/var/nix/profiles/system"), Path.of("system-2-link"));
        link(path("/run/current-system"), gen2);
        link(path("/run/booted-system"), gen2);
        write(path("/etc/pam.d/sudo"), "auth required pam_unix.so likeauth try_first_pass\n");
        for (String u : List.of("sshd.service", "nix-daemon.service", "systemd-networkd.service",
                "systemd-resolved.service", "firewall.service", "fail2ban.service", "auditd.service")) {
            unit(u, "active", "success");
        }
        yubikey(YubiKey.ABSENT);
        gpu(null, null);
    }

    private Path buildGeneration(int n, String kernelVersion) {
        generation = Math.max(generation, n);
        String hash = String.format("s%031d", n);
        Path kernel = path("/nix/store/" + String.format("k%031d", n) + "-linux-" + kernelVersion);
        mkdirs(kernel);
        write(kernel.resolve("bzImage"), "simulated kernel " + kernelVersion + "\n");
        Path gen = path("/nix/store/" + hash + "-nixos-system-sim-" + RELEASE);
        mkdirs(gen.resolve("bin"));
        mkdirs(gen.resolve("sw/bin"));
        write(gen.resolve("nixos-version"), RELEASE + "\n");
        write(gen.resolve("nixpkgs-revision"), "abcdef0123456789abcdef0123456789abcdef01\n");
        link(gen.resolve("kernel"), kernel.resolve("bzImage"));
        link(gen.resolve("kernel-modules"), kernel);
        link(path("/nix/var/nix/profiles/system-" + n + "-link"), gen);
        return gen;
    }

    private void writeUnits() {
        StringBuilder b = new StringBuilder();
        units.forEach((u, rest) -> b.append(u).append(' ').append(rest).append('\n'));
        write(sim.resolve("units"), b.toString());
    }

    private static String which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return p.toString();
        }
        throw new IllegalStateException(program + " is not installed");
    }

    private static void link(Path link, Path target) {
        try {
            mkdirs(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String content) {
        try {
            mkdirs(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void executable(Path file, String content) {
        write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

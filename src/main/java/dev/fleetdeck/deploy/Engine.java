package dev.fleetdeck.deploy;

import dev.fleetdeck.fleet.DeployEngine;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.text.ShellQuote;
import dev.fleetdeck.transport.SshSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands one engine runs. nixos-rebuild is split into build, copy and a remote activation we run inside
 * {@code systemd-run}; deploy-rs and colmena build, copy and activate in one local command of their own (our
 * guard is armed before it and our validation and rollback come after).
 */
sealed interface Engine permits Engine.NixosRebuild, Engine.DeployRs, Engine.Colmena {

    static Engine of(DeployEngine e) {
        return switch (e) {
            case NIXOS_REBUILD -> new NixosRebuild();
            case DEPLOY_RS -> new DeployRs();
            case COLMENA -> new Colmena();
        };
    }

    String id();

    /** A local command whose last stdout line is the built store path, or null when activation builds. */
    String build(Host h, Path flake);

    /** A local command that copies the closure to the host, or null. */
    String copy(Host h, String storePath, SshSettings ssh);

    /** The local command that activates, or null when activation runs on the host ({@link #remoteActivation}). */
    String localActivation(Host h, Path flake, Goal goal);

    /** The goals this engine can do. */
    default boolean supports(Goal goal) {
        return true;
    }

    /**
     * nixos-rebuild's way, kept: the switch runs in a transient unit so an SSH drop cannot kill it; {@code
     * --wait --pipe} streams its output and exit status back while the connection lives.
     */
    static String remoteActivation(String deployId, Goal goal, String storeName) {
        String body = "set -e\nif [ \"$1\" = switch ] || [ \"$1\" = boot ]; then nix-env -p \"$2\" --set \"$3\"; fi\n"
                + "exec \"$3/bin/switch-to-configuration\" \"$1\"";
        return "systemd-run --collect --no-ask-password --pipe --quiet --service-type=exec --unit=fleetdeck-switch-"
                + deployId + " --wait " + HostPaths.UNIT_ENV + " -- /bin/sh -c " + ShellQuote.quote(body)
                + " fleetdeck-switch " + goal.id() + " " + HostPaths.PROFILE + " " + HostPaths.store(storeName);
    }

    /** {@code ssh} options for nix copy: the host's port, key and our known_hosts, never a prompt. */
    static String nixSshOpts(Host h, SshSettings ssh) {
        List<String> o = new ArrayList<>(List.of("-p", Integer.toString(h.port()), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + ssh.knownHosts()));
        for (Path id : ssh.identitiesFor(h.identityFiles())) o.addAll(List.of("-i", id.toString()));
        return String.join(" ", o);
    }

    record NixosRebuild() implements Engine {
        public String id() {
            return "nixos-rebuild";
        }

        public String build(Host h, Path flake) {
            // nixos-rebuild build leaves ./result behind: build in a scratch directory, print where it points.
            return "cd \"$(mktemp -d)\" && nixos-rebuild build --flake " + ShellQuote.quote(flake + "#" + h.name())
                    + " && readlink -f result";
        }

        public String copy(Host h, String storePath, SshSettings ssh) {
            return "NIX_SSHOPTS=" + ShellQuote.quote(nixSshOpts(h, ssh)) + " nix copy --to "
                    + ShellQuote.quote("ssh://" + h.user() + "@" + h.address()) + " " + ShellQuote.quote(storePath);
        }

        public String localActivation(Host h, Path flake, Goal goal) {
            return null;
        }
    }

    record DeployRs() implements Engine {
        public String id() {
            return "deploy-rs";
        }

        public String build(Host h, Path flake) {
            return null;
        }

        public String copy(Host h, String storePath, SshSettings ssh) {
            return null;
        }

        public boolean supports(Goal goal) {
            return goal != Goal.TEST; // deploy-rs has no "test" activation
        }

        public String localActivation(Host h, Path flake, Goal goal) {
            String flag = switch (goal) {
                case BOOT -> " --boot";
                case DRY_ACTIVATE -> " --dry-activate";
                default -> "";
            };
            // Its magic rollback stays on: it proves a fresh SSH login; our checks and guard come on top.
            return "cd " + ShellQuote.quote(flake.toString()) + " && deploy --skip-checks" + flag + " --targets "
                    + ShellQuote.quote(".#" + h.name());
        }
    }

    record Colmena() implements Engine {
        public String id() {
            return "colmena";
        }

        public String build(Host h, Path flake) {
            return null;
        }

        public String copy(Host h, String storePath, SshSettings ssh) {
            return null;
        }

        public String localActivation(Host h, Path flake, Goal goal) {
            return "cd " + ShellQuote.quote(flake.toString()) + " && colmena apply --on " + ShellQuote.quote(h.name())
                    + " " + goal.id();
        }
    }
}

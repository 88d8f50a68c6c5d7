package dev.fleetdeck.deploy;

import dev.fleetdeck.text.ShellQuote;

/**
 * The host paths a deploy touches, as shell words. Each is written {@code "${FLEETDECK_ROOT:-}/…"} like the
 * built-in tasks: on a real NixOS host the variable is unset and these are the real paths.
 */
final class HostPaths {
    static final String PROFILE = "\"${FLEETDECK_ROOT:-}/nix/var/nix/profiles/system\"";
    static final String CURRENT = "\"${FLEETDECK_ROOT:-}/run/current-system\"";
    static final String SWITCH_LOCK = "\"${FLEETDECK_ROOT:-}/run/nixos/switch-to-configuration.lock\"";
    static final String STATE = "\"${FLEETDECK_ROOT:-}/run/fleetdeck\"";

    private HostPaths() {
    }

    /** Where one deploy keeps its markers on the host (tmpfs on NixOS: gone after a reboot, as it should be). */
    static String deployDir(String deployId) {
        return "\"${FLEETDECK_ROOT:-}/run/fleetdeck/deploy-" + deployId + "\"";
    }

    /** A store path on the host, from its name ({@code <hash>-nixos-system-…}). */
    static String store(String name) {
        return "\"${FLEETDECK_ROOT:-}/nix/store/\"" + ShellQuote.quote(name);
    }

    /** systemd-run options that carry this shell's PATH (and the test root, when set) into the unit. */
    static final String UNIT_ENV = "\"--setenv=PATH=$PATH\" ${FLEETDECK_ROOT:+\"--setenv=FLEETDECK_ROOT=$FLEETDECK_ROOT\"}";
}

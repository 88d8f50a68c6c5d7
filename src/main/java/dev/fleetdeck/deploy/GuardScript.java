package dev.fleetdeck.deploy;

import dev.fleetdeck.text.ShellQuote;
import java.time.Duration;

/**
 * The rollback guard: a transient systemd timer on the host, armed before activation, that restores the
 * previous generation unless a deploy disarms it in time. It lives on the host, so it fires whatever happens
 * to the network, to sshd or to fleetdeck itself.
 *
 * <p>Exactly one of "disarm" and "roll back" wins: both first {@code mkdir} the deploy's {@code decided}
 * directory, which is atomic. A guard that fires while an activation still holds the switch lock waits for it
 * (up to {@code lockWait}), then stops the activation unit (a hung switch) and takes the lock before switching.
 */
record GuardScript(String deployId, String previous, Duration confirmTimeout, Duration lockWait) {

    /** The guard's body, run by /bin/sh in a transient unit: $1 profile, $2 previous, $3 deploy dir, $4 switch
     *  lock, $5 activation unit, $6 seconds to wait for the lock. */
    static final String BODY = String.join("\n",
            "profile=$1 prev=$2 dir=$3 lock=$4 unit=$5 wait=$6",
            "mkdir \"$dir/decided\" 2>/dev/null || exit 0  # disarmed, or a rollback already runs",
            "echo \"rollback to $prev started $(date +%s)\" > \"$dir/guard.log\"",
            "mkdir -p \"$(dirname \"$lock\")\"",
            "if ! flock -w \"$wait\" -x \"$lock\" true; then",
            "  # the activation still holds the switch lock after the confirm timeout: it hangs, stop it",
            "  systemctl stop \"$unit\" >> \"$dir/guard.log\" 2>&1",
            "  flock -w \"$wait\" -x \"$lock\" true || echo 'switch lock still held: switching anyway' >> \"$dir/guard.log\"",
            "fi",
            "if [ \"$(readlink -f \"$profile\")\" != \"$prev\" ]; then nix-env -p \"$profile\" --set \"$prev\" >> \"$dir/guard.log\" 2>&1; fi",
            "\"$prev/bin/switch-to-configuration\" switch >> \"$dir/guard.log\" 2>&1",
            "echo $? > \"$dir/rolled-back\"");

    String timerUnit() {
        return "fleetdeck-guard-" + deployId + ".timer";
    }

    String activationUnit() {
        return "fleetdeck-switch-" + deployId + ".service";
    }

    /**
     * The guard runs the previous generation's own tools first: /run/current-system/sw/bin will be the new,
     * possibly broken, generation by the time it fires.
     */
    private String guardEnv() {
        return "\"--setenv=PATH=\"" + ShellQuote.quote(previous + "/sw/bin") + "\":$PATH\" "
                + "${FLEETDECK_ROOT:+\"--setenv=FLEETDECK_ROOT=$FLEETDECK_ROOT\"}";
    }

    private String bodyArgs() {
        return "-- /bin/sh -c " + ShellQuote.quote(BODY) + " fleetdeck-guard " + HostPaths.PROFILE + " "
                + ShellQuote.quote(previous) + " " + HostPaths.deployDir(deployId) + " " + HostPaths.SWITCH_LOCK
                + " " + activationUnit() + " " + Math.max(1, lockWait.toSeconds());
    }

    /** Arms the timer; fails unless systemd reports it active afterwards. */
    String arm() {
        return "mkdir -p " + HostPaths.deployDir(deployId) + " || exit 2\n"
                + "systemd-run --collect --no-ask-password --quiet --unit=fleetdeck-guard-" + deployId
                + " --on-active=" + Math.max(1, confirmTimeout.toSeconds()) + "s --timer-property=AccuracySec=1s "
                + guardEnv() + " " + bodyArgs() + " || exit 1\n"
                + "systemctl is-active --quiet " + timerUnit()
                + " || { echo 'FAIL: the guard timer is not active' >&2; exit 1; }\n"
                + "echo \"guard armed: back to " + previous.replace("\"", "") + " in "
                + confirmTimeout.toSeconds() + " s unless disarmed\"";
    }

    /**
     * Claims the decision, proves the host runs {@code expected}, then stops the timer. Exit 1 when the guard
     * fired first or the host runs something else (then the rollback goes ahead).
     */
    String disarm(String expected) {
        String dir = HostPaths.deployDir(deployId);
        return "c=$(readlink -f " + HostPaths.CURRENT + ") || exit 2\n"
                + "if [ \"$c\" != " + ShellQuote.quote(expected) + " ]; then echo \"FAIL: running $c, not the new "
                + "generation\" >&2; exit 1; fi\n"
                + "if ! mkdir " + dir + "/decided 2>/dev/null; then echo 'FAIL: the guard fired first: rolling back' >&2; exit 1; fi\n"
                + "systemctl stop " + timerUnit() + " || exit 1\n"
                + "echo confirmed > " + dir + "/confirmed\n"
                + "echo \"guard disarmed; running $c\"";
    }

    /** Rolls back now, through the guard's own body in a unit of its own (an SSH drop cannot stop it). */
    String fireNow() {
        return "systemctl stop " + timerUnit() + " 2>/dev/null\n"
                + "systemd-run --collect --no-ask-password --quiet --unit=fleetdeck-rollback-" + deployId + " "
                + guardEnv() + " " + bodyArgs() + " || exit 1\n"
                + "echo 'rollback started on the host'";
    }

    /** Prints {@code current=<path>} and, once the guard finished, {@code guard=<exit status>}. */
    String probe() {
        String dir = HostPaths.deployDir(deployId);
        return "echo \"current=$(readlink -f " + HostPaths.CURRENT + ")\"\n"
                + "if [ -e " + dir + "/rolled-back ]; then echo \"guard=$(cat " + dir + "/rolled-back)\"; fi\n"
                + "cat " + dir + "/guard.log 2>/dev/null; true";
    }
}

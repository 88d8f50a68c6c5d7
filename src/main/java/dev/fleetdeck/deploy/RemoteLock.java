package dev.fleetdeck.deploy;

import dev.fleetdeck.text.ShellQuote;
import java.time.Duration;

/**
 * The host's own deploy lock, against a second operator on another machine: a directory ({@code mkdir} is
 * atomic) with the owner and an expiry, so a deploy whose fleetdeck was killed does not block the host for
 * ever, and a deploy whose guard already rolled the host back (its fleetdeck died) no longer holds it. The
 * expiry covers the longest a deploy can hold the host (guard + rollback + come-back time).
 */
record RemoteLock(String owner, String deployId, Duration ttl) {

    private static final String DIR = "\"${FLEETDECK_ROOT:-}/run/fleetdeck/deploy.lock\"";

    String acquire() {
        return "mkdir -p " + HostPaths.STATE + " || exit 2\n"
                + "now=$(date +%s)\n"
                + "if ! mkdir " + DIR + " 2>/dev/null; then\n"
                + "  exp=$(cat " + DIR + "/expires 2>/dev/null || echo 0)\n"
                + "  done_=$(cat " + DIR + "/deploy-dir 2>/dev/null)/rolled-back\n"
                // A deploy whose fleetdeck died is over once its guard has rolled the host back.
                + "  if [ \"$now\" -lt \"$exp\" ] && [ ! -e \"$done_\" ]; then\n"
                + "    echo \"FAIL: host is locked by deploy $(cat " + DIR + "/owner 2>/dev/null) for $((exp - now)) s more\" >&2; exit 1\n"
                + "  fi\n"
                + "  echo \"taking over the lock of $(cat " + DIR + "/owner 2>/dev/null): expired, or its guard rolled back\"\n"
                + "fi\n"
                + "printf '%s\\n' " + ShellQuote.quote(owner) + " > " + DIR + "/owner\n"
                + "echo $((now + " + ttl.toSeconds() + ")) > " + DIR + "/expires\n"
                + "printf '%s\\n' " + HostPaths.deployDir(deployId) + " > " + DIR + "/deploy-dir\n"
                + "echo \"host lock taken by " + owner.replace("\"", "") + "\"";
    }

    /** Proves the lock is still ours (a long build may outlast it) and extends it; exit 1 when lost. */
    String refresh() {
        return "if [ \"$(cat " + DIR + "/owner 2>/dev/null)\" != " + ShellQuote.quote(owner) + " ]; then\n"
                + "  echo \"FAIL: lost the host lock to $(cat " + DIR + "/owner 2>/dev/null)\" >&2; exit 1\n"
                + "fi\n"
                + "echo $(($(date +%s) + " + ttl.toSeconds() + ")) > " + DIR + "/expires\n";
    }

    /** Removes the lock if it is still ours. */
    String release() {
        return "[ \"$(cat " + DIR + "/owner 2>/dev/null)\" = " + ShellQuote.quote(owner) + " ] && rm -rf " + DIR
                + "; true";
    }
}

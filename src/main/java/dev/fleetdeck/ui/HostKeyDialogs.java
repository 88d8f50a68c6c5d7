package dev.fleetdeck.ui;

import dev.fleetdeck.transport.HostKeyConfirmer;
import java.util.List;
import java.util.function.Consumer;

/** The wording of the confirmations other parts of fleetdeck ask the operator for. */
public final class HostKeyDialogs {

    private HostKeyDialogs() {
    }

    public static Dialog unknownKey(HostKeyConfirmer.UnknownHostKey key, Consumer<Boolean> answer) {
        return new Dialog("Unknown host key", List.of(
                key.knownHostsName() + " presents a key that known_hosts does not have:",
                key.keyType() + " " + key.fingerprint(),
                "Compare it with `ssh-keygen -lf` on the host. Trust it and record it?"), answer);
    }

    /** A manual step: the runner waits until the operator says it is done (e.g. "touch your YubiKey now"). */
    public static Dialog manualStep(String host, String title, String instructions, Consumer<Boolean> answer) {
        return new Dialog("Manual step on " + host, List.of(title, instructions, "Done? (no fails the step)"), answer);
    }
}

package dev.fleetdeck.task;

import dev.fleetdeck.fleet.Host;

/** A human confirms a manual step ("touch your YubiKey now"). Blocks until answered. */
@FunctionalInterface
public interface ManualConfirmer {

    /** @return true when the operator confirms the step was done */
    boolean confirm(Host host, String stepTitle, String instructions) throws InterruptedException;

    /** Nobody there to ask: manual steps cannot pass unattended. */
    ManualConfirmer NOBODY = (host, title, instructions) -> false;
}

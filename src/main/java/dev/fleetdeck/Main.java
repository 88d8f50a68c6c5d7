package dev.fleetdeck;

import dev.fleetdeck.cli.FleetdeckCommand;

/** Entry point of the fleetdeck jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(FleetdeckCommand.run(args));
    }
}

package dev.fleetdeck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the headless command line. */
@Command(name = "fleetdeck", mixinStandardHelpOptions = true, version = "fleetdeck 0.1.0",
        description = "Run a NixOS fleet from the keyboard.")
public final class FleetdeckCommand implements Runnable {

    public static int run(String[] args) {
        return new CommandLine(new FleetdeckCommand()).execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}

package dev.fleetdeck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the headless command line. */
@Command(name = "fleetdeck", mixinStandardHelpOptions = true, version = "fleetdeck 0.1.0",
        description = "Run a NixOS fleet from the keyboard.",
        subcommands = {HostsCommand.class, ExecCommand.class, RunCommand.class, HistoryCommand.class,
                ShowCommand.class, TrustCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything passed", "1:a host failed or was unreachable", "2:bad usage or configuration"})
public final class FleetdeckCommand implements Runnable {

    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FleetdeckCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliFailure f) {
                line.getErr().println("fleetdeck: " + f.getMessage());
                return f.exitCode();
            }
            line.getErr().println("fleetdeck: internal error: " + e);
            if (System.getenv("FLEETDECK_DEBUG") != null) e.printStackTrace(line.getErr());
            return ExitCodes.FAILED;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}

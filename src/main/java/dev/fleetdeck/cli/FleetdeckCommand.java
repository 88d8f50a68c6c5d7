package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Fleet;
import dev.fleetdeck.fleet.FleetLocator;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.task.TaskCatalog;
import dev.fleetdeck.task.TaskRunner;
import dev.fleetdeck.transport.SshSettings;
import dev.fleetdeck.ui.Console;
import dev.fleetdeck.ui.ConsoleAsk;
import dev.fleetdeck.ui.ConsoleConfig;
import dev.fleetdeck.ui.FleetActions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root of the headless command line. */
@Command(name = "fleetdeck", mixinStandardHelpOptions = true, version = "fleetdeck 0.1.0",
        description = {"Run a NixOS fleet from the keyboard.",
                "Without a command, opens the full-screen console on your fleet."},
        subcommands = {HostsCommand.class, ExecCommand.class, RunCommand.class, HistoryCommand.class,
                ShowCommand.class, TodoCommand.class, TrustCommand.class, DeployCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything passed", "1:a host failed or was unreachable", "2:bad usage or configuration"})
public final class FleetdeckCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Spec
    CommandSpec spec;

    @Option(names = "--colors", paramLabel = "DEPTH", description = "console colours: truecolor, 256, 16 or mono "
            + "(default: detected; NO_COLOR means mono)")
    String colors;

    @Option(names = "--theme", paramLabel = "NAME", description = "console theme (dark, light, high-contrast, mono)")
    String theme;

    @Option(names = "--keymap", paramLabel = "NAME", description = "console keymap (default, vim, emacs)")
    String keymap;

    @Option(names = "--todo", paramLabel = "FILE", description = "TODO checklist for the TODO view and for ticking "
            + "after runs (default: ./TODO-CHECKLIST.md)")
    Path todo;

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

    /** No subcommand: open the full-screen console on the fleet. */
    @Override
    public Integer call() {
        if (fleet.fleetFile == null && FleetLocator.system().candidates().stream().noneMatch(Files::isRegularFile)) {
            // A newcomer without a fleet of their own gets the demo fleet rather than an error.
            spec.commandLine().getErr().println("fleetdeck: no fleet.json here or in $XDG_CONFIG_HOME/fleetdeck; "
                    + "opening the demo fleet (fleetdeck demo)");
            return spec.commandLine().execute("demo");
        }
        return openConsole(null);
    }

    /** Opens the console; {@code label} names the fleet in its title (default: the fleet file's name). */
    int openConsole(String label) {
        ConsoleAsk asker = new ConsoleAsk();
        SshSettings ssh = fleet.ssh().withConfirmer(asker);
        TaskCatalog catalog;
        try {
            catalog = TaskCatalog.load(System.getenv(), fleet.fleet().source().getParent());
        } catch (ConfigException e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
        TaskRunner runner = new TaskRunner(ssh, (host, title, text) -> asker.manualStep(host.name(), title, text), 8);
        Fleet f = fleet.fleet();
        RunStore store = RunStore.forEnv(System.getenv());
        Path todoFile = todo != null ? todo : ConsoleConfig.DEFAULT_TODO_FILE;
        TodoTicking ticking = new TodoTicking(todoFile, f, store);
        RunnerTaskStarter tasks = new RunnerTaskStarter(catalog, runner, store, ticking);
        FleetActions actions = new FleetActions(f, ssh, 16, tasks, store);
        try {
            actions.withDeploys(new DeployerStarter(ssh, catalog, f.source().getParent(), store, ticking));
        } catch (Exception e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
        return Console.open(ConsoleConfig.of(f, label != null ? label : f.source().getFileName().toString(),
                        actions, System.getenv())
                .withAsker(asker).withColors(colors).withTheme(theme).withKeymap(keymap).withTodoFile(todoFile));
    }
}

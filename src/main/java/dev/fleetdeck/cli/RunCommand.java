package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.task.RunHandle;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.RunResult;
import dev.fleetdeck.task.TaskCatalog;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.task.TaskRunner;
import dev.fleetdeck.todo.TodoItem;
import dev.fleetdeck.ui.ConsoleConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleetdeck run TASK SEL}: a checklist task on the selected hosts, printed live. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a checklist task (preflight, validate, backup-verify, …) on the selected hosts in "
                + "parallel, printing each step's result as it finishes.",
                "Every run is kept in history (fleetdeck history, fleetdeck show RUN)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every step passed (or only warned) on every host",
                "1:a step failed, the run was cancelled, or a host was unreachable",
                "2:bad usage, unknown task, bad parameter or task definition"})
final class RunCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Parameters(index = "0", paramLabel = "TASK", description = "task id, e.g. preflight")
    String taskId;

    @Parameters(index = "1", paramLabel = "SELECTION", description = "name, glob, @tag, all, or a comma list")
    String selection;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a task parameter (repeatable)")
    List<String> paramArgs = List.of();

    @Option(names = {"-p", "--parallel"}, defaultValue = "8", description = "hosts at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = {"-v", "--verbose"}, description = "also print every output line")
    boolean verbose;

    @Option(names = "--json", description = "one JSON event per line instead of text")
    boolean json;

    @Option(names = "--tasks-dir", paramLabel = "DIR",
            description = "flake repo whose .fleetdeck/tasks/ to load (default: the fleet file's directory)")
    Path flakeDir;

    @Spec
    CommandSpec spec;

    @Option(names = "--todo", paramLabel = "FILE", description = "TODO checklist whose linked items a passing run "
            + "ticks (default: ./TODO-CHECKLIST.md when it exists)")
    Path todoFile;

    @Option(names = "--state-dir", hidden = true)
    Path stateDir;

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1) throw new CliFailure(ExitCodes.USAGE, "--parallel must be at least 1");
        Map<String, String> params = ParamArgs.parse("--param", paramArgs);
        List<Host> hosts = fleet.select(selection);
        Path repo = flakeDir != null ? flakeDir : fleet.fleet().source().getParent();
        TaskDef task;
        try {
            task = TaskCatalog.load(System.getenv(), repo).get(taskId);
        } catch (Exception e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Terminal term = Terminal.detect(System.getenv());
        RunListener printer = json ? new JsonRunEvents(out) : new ChecklistPrinter(out, term, verbose, hosts);
        ManualConfirmer manual = ConsolePrompts.system().manualSteps();
        RunHandle handle;
        RunStore store;
        try {
            store = HistoryCommand.store(stateDir);
            RunListener recorder = store.recorder(e -> System.err.println(
                    "fleetdeck: warning: history not fully written: " + e.getMessage()));
            handle = new TaskRunner(fleet.ssh(), manual, parallel).withRunIds(store::newRunId)
                    .start(task, hosts, params, RunListener.all(recorder, printer));
        } catch (Exception e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
        // Ctrl-C or SIGTERM: kill what runs on the hosts and let the run record itself as cancelled.
        Thread hook = new Thread(() -> {
            handle.cancel();
            try {
                handle.done().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // exiting anyway
            }
        }, "fleetdeck-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        RunResult result = handle.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        tickTodo(store, task.id(), hosts, result.passed(), json ? spec.commandLine().getErr() : out);
        return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** One line per item the run ticked; a checklist problem is a warning, never the run's result. */
    private void tickTodo(RunStore store, String id, List<Host> ran, boolean passed, PrintWriter to) {
        Path file = todoFile != null ? todoFile : ConsoleConfig.DEFAULT_TODO_FILE;
        if (todoFile != null && !java.nio.file.Files.exists(todoFile)) {
            spec.commandLine().getErr().println("fleetdeck: warning: no TODO checklist at " + todoFile);
            return;
        }
        try {
            for (TodoItem i : new TodoTicking(file, fleet.fleet(), store).runFinished(id,
                    ran.stream().map(Host::name).toList(), passed)) {
                to.println("ticked: " + i.text());
            }
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("fleetdeck: warning: " + file + " not updated: " + e.getMessage());
        }
    }
}

package dev.fleetdeck.cli;

import dev.fleetdeck.deploy.DeployOptions;
import dev.fleetdeck.deploy.DeployResult;
import dev.fleetdeck.deploy.Deployer;
import dev.fleetdeck.deploy.Goal;
import dev.fleetdeck.deploy.LocalTools;
import dev.fleetdeck.deploy.Outcome;
import dev.fleetdeck.fleet.DeployEngine;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.json.DurationText;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.TaskCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleetdeck deploy SEL}: the safe deploy, printed live as a checklist and kept in history. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Safe deploy: preflight, build, copy, arm a rollback guard on the host, activate in a "
                + "systemd unit, validate over a fresh connection, then disarm; or roll back and say so.",
                "See docs/deploy.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every host confirmed on its new generation (boot/dry-activate: reported)",
                "1:a host was rolled back, failed before activation, refused (locked) or is in an unknown state",
                "2:bad usage, or no confirmation (no terminal and no --yes)"})
final class DeployCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Parameters(index = "0", paramLabel = "SELECTION", description = "name, glob, @tag, all, or a comma list")
    String selection;

    @Option(names = "--goal", defaultValue = "switch", description = "switch, test, boot or dry-activate")
    String goal;

    @Option(names = "--engine", description = "nixos-rebuild, deploy-rs or colmena (default: each host's own)")
    String engine;

    @Option(names = "--flake", paramLabel = "DIR", description = "the flake repository (default: the fleet file's directory)")
    Path flake;

    @Option(names = "--serial", description = "one host at a time")
    boolean serial;

    @Option(names = "--keep-going", description = "go on with the other hosts after a rollback")
    boolean keepGoing;

    @Option(names = {"-p", "--parallel"}, defaultValue = "4", description = "hosts at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation (headless)")
    boolean yes;

    @Option(names = "--json", description = "one JSON event per line instead of text")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "also print every output line")
    boolean verbose;

    @Option(names = "--confirm-timeout", paramLabel = "DURATION", description = "override every host's confirm timeout (e.g. 90s)")
    String confirmTimeout;

    @Option(names = "--engine-path", paramLabel = "DIR", description = "directories searched first for the engines' binaries (repeatable)")
    List<Path> enginePath = List.of();

    @Option(names = "--validate-param", paramLabel = "NAME=VALUE", description = "a parameter of the validate checks (e.g. dnsName=example.org)")
    List<String> validateParams = List.of();

    @Option(names = "--preflight-param", paramLabel = "NAME=VALUE", description = "a parameter of the preflight checks")
    List<String> preflightParams = List.of();

    @Option(names = "--lock-wait", hidden = true, paramLabel = "DURATION")
    String lockWait;

    @Option(names = "--state-dir", hidden = true)
    Path stateDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1) throw new CliFailure(ExitCodes.USAGE, "--parallel must be at least 1");
        DeployOptions options;
        try {
            Path repo = flake != null ? flake : fleet.fleet().source().getParent();
            options = DeployOptions.defaults(repo.toAbsolutePath()).withGoal(Goal.fromId(goal))
                    .withEngine(engine == null ? null : DeployEngine.fromId(engine))
                    .withParallel(serial ? 1 : parallel, keepGoing)
                    .withParams(ParamArgs.parse("--preflight-param", preflightParams),
                            ParamArgs.parse("--validate-param", validateParams));
            DeployOptions d = options;
            options = options.withTimeouts(duration(confirmTimeout, null), duration(lockWait, d.lockWait()), d.comeBack());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
        List<Host> hosts = fleet.select(selection);
        PrintWriter out = spec.commandLine().getOut();
        if (!confirmed(hosts, options, out)) return ExitCodes.USAGE;

        Map<String, String> stateEnv = stateDir == null ? System.getenv()
                : Map.of("XDG_STATE_HOME", stateDir.toAbsolutePath().toString());
        LocalTools system = LocalTools.system(stateEnv);
        LocalTools tools = new LocalTools(enginePath.stream().map(Path::toAbsolutePath).toList(), system.env(),
                system.stateDir());
        RunStore store = HistoryCommand.store(stateDir);
        Deployer deployer;
        try {
            TaskCatalog catalog = TaskCatalog.load(System.getenv(), options.flake());
            deployer = new Deployer(fleet.ssh(), tools, catalog.get("preflight"), catalog.get("validate"),
                    store::newRunId);
        } catch (Exception e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
        Terminal term = Terminal.detect(System.getenv());
        RunListener printer = json ? new JsonRunEvents(out) : new ChecklistPrinter(out, term, verbose, hosts);
        RunListener recorder = store.recorder(e -> System.err.println(
                "fleetdeck: warning: history not fully written: " + e.getMessage()));
        DeployResult result = deployer.start(hosts, options, RunListener.all(recorder, printer)).get();
        if (!json) {
            for (Outcome o : result.outcomes()) out.println(o.host() + ": " + o.message());
            out.flush();
        }
        return result.success() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Lists hosts and goal and asks; without a terminal only --yes goes ahead. */
    private boolean confirmed(List<Host> hosts, DeployOptions o, PrintWriter out) {
        if (yes) return true;
        java.io.Console console = System.console();
        if (console == null) {
            spec.commandLine().getErr().println("fleetdeck: refusing to deploy without confirmation: no terminal "
                    + "to ask on; pass --yes to deploy " + names(hosts) + " (" + o.goal().id() + ")");
            return false;
        }
        out.println("Deploy " + o.goal().id() + " to " + hosts.size() + " host(s): " + names(hosts));
        out.flush();
        String answer = console.readLine("Proceed? [y/N] ");
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    private static String names(List<Host> hosts) {
        return String.join(", ", hosts.stream().map(Host::name).toList());
    }

    private static Duration duration(String text, Duration otherwise) {
        if (text == null) return otherwise;
        return DurationText.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "bad duration \"" + text + "\": " + DurationText.FORMS));
    }
}

package dev.fleetdeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.RunSummary;
import dev.fleetdeck.text.TerminalSanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleetdeck history [HOST]}: recorded runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List recorded task runs, newest first.",
                "Runs are kept under $XDG_STATE_HOME/fleetdeck/runs (default ~/.local/state/fleetdeck/runs); "
                + "see one with: fleetdeck show RUN."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (an unreadable run is listed as such, with its file on stderr)",
                "1:the history directory could not be read", "2:bad usage"})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(arity = "0..1", paramLabel = "HOST", description = "only runs that included this host")
    String host;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N runs (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    /** Stands in for XDG_STATE_HOME; for tests. */
    @Option(names = "--state-dir", hidden = true)
    Path stateDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) throw new CliFailure(ExitCodes.USAGE, "--limit must be at least 1");
        RunStore store = store(stateDir);
        List<RunSummary> runs;
        try {
            runs = store.list(Optional.ofNullable(host), limit);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "cannot read " + store.root() + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(runs));
        else out.print(table(runs));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (RunSummary r : runs) {
            if (!r.readable()) err.println("fleetdeck: " + r.runId() + " is unreadable: " + r.file() + ": " + r.problem());
        }
        err.flush();
        return ExitCodes.OK;
    }

    /** The store under {@code stateDir} when given, else the user's. */
    static RunStore store(Path stateDir) {
        return stateDir == null ? RunStore.forEnv(System.getenv())
                : RunStore.forEnv(Map.of("XDG_STATE_HOME", stateDir.toAbsolutePath().toString()));
    }

    private static String table(List<RunSummary> runs) {
        TextTable t = new TextTable("RUN", "TASK", "HOSTS", "STATUS", "STARTED", "DURATION");
        for (RunSummary r : runs) {
            if (!r.readable()) {
                t.row(r.runId(), "-", "-", r.status().id(), "-", "-");
                continue;
            }
            t.row(r.runId(), TerminalSanitizer.plain(r.taskId()), hosts(r.hosts()), r.status().id(),
                    started(r.startedAt()), r.duration().map(HistoryCommand::duration).orElse("-"));
        }
        return t.render();
    }

    private static String hosts(List<String> hosts) {
        if (hosts.size() <= 3) return String.join(",", hosts);
        return String.join(",", hosts.subList(0, 3)) + " +" + (hosts.size() - 3);
    }

    static String started(Instant at) {
        return at == null ? "-" : STARTED.format(at.atZone(ZoneId.systemDefault()));
    }

    /** {@code 0.4s}, {@code 12.0s}, {@code 3m05s}, {@code 1h02m}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) return String.format("%d.%ds", ms / 1000, ms % 1000 / 100);
        long s = d.toSeconds();
        if (s < 3600) return String.format("%dm%02ds", s / 60, s % 60);
        return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
    }

    private static String json(List<RunSummary> runs) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (RunSummary r : runs) {
            ObjectNode o = arr.addObject();
            o.put("runId", r.runId());
            o.put("status", r.status().id());
            o.put("file", r.file().toString());
            if (!r.readable()) {
                o.put("problem", r.problem());
                continue;
            }
            o.put("task", r.taskId());
            o.put("title", r.title());
            ArrayNode hosts = o.putArray("hosts");
            r.hosts().forEach(hosts::add);
            o.put("startedAt", r.startedAt().toString());
            o.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
            if (r.duration().isPresent()) o.put("durationMs", r.duration().get().toMillis());
        }
        return arr.toPrettyString();
    }
}

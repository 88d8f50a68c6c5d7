package dev.fleetdeck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetdeck.history.LogLine;
import dev.fleetdeck.history.RunJson;
import dev.fleetdeck.history.RunLookupException;
import dev.fleetdeck.history.RunRecord;
import dev.fleetdeck.history.RunStore;
import dev.fleetdeck.history.StepRecord;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.text.TerminalSanitizer;
import dev.fleetdeck.transport.OutputLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleetdeck show RUN}: a recorded run's checklist as it ended, optionally with every output line. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a recorded run: each host's checklist as it ended, with durations, messages and "
                + "fix hints.",
                "Marks: ✓ passed  ✗ failed  ! warned  - skipped  ? absent  ⊘ cancelled or interrupted  "
                + "· not reached  … running."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run was found", "1:its run.json could not be read",
                "2:no run, or more than one, matches RUN"})
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "a run id, or the start of one (see fleetdeck history)")
    String run;

    @Option(names = "--json", description = "Print the run as JSON (with each step's output under -v).")
    boolean json;

    @Option(names = {"-v", "--output"}, description = "Include every step's output lines.")
    boolean output;

    /** Stands in for XDG_STATE_HOME; for tests. */
    @Option(names = "--state-dir", hidden = true)
    Path stateDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunStore store = HistoryCommand.store(stateDir);
        RunRecord r;
        try {
            r = store.load(run);
        } catch (RunLookupException e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (json) out.println(json(store, r).toPrettyString());
            else out.print(text(store, r, Terminal.detect(System.getenv())));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "cannot read the output of " + r.runId() + ": " + e.getMessage());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String text(RunStore store, RunRecord r, Terminal term) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(r.runId()).append("  ").append(plain(r.title() != null ? r.title() : r.taskId())).append('\n');
        sb.append(r.status().id()).append(" · started ").append(HistoryCommand.started(r.startedAt()));
        r.duration().ifPresent(d -> sb.append(" · took ").append(HistoryCommand.duration(d)));
        if (r.user() != null) sb.append(" · by ").append(plain(r.user()));
        sb.append('\n');
        if (!r.params().isEmpty()) sb.append(plain(params(r.params()))).append('\n');
        for (String host : r.hosts()) {
            sb.append('\n').append(host).append('\n');
            List<StepRecord> steps = r.steps(host);
            int width = steps.stream().mapToInt(s -> title(s).length()).max().orElse(0);
            for (StepRecord s : steps) {
                step(sb, s, width);
                if (output) lines(sb, store.logLines(r.runId(), host, s.id()), s, term);
            }
        }
        return sb.toString();
    }

    private static void step(StringBuilder sb, StepRecord s, int width) {
        String title = title(s);
        String took = s.duration() == null || !s.status().finished() ? "" : HistoryCommand.duration(s.duration());
        StringBuilder line = new StringBuilder("  ").append(mark(s.status())).append(' ').append(title)
                .append(" ".repeat(width - title.length())).append(String.format("  %7s", took));
        String message = s.status() == StepStatus.INTERRUPTED ? "fleetdeck stopped while this step ran" : s.message();
        if (message != null) line.append("  ").append(plain(message));
        sb.append(line.toString().stripTrailing()).append('\n');
        if (s.fix() != null && (s.status().failure() || s.status() == StepStatus.WARNED)) {
            sb.append("      fix: ").append(plain(s.fix())).append('\n');
        }
    }

    private void lines(StringBuilder sb, List<LogLine> lines, StepRecord s, Terminal term) {
        if (s.command() != null && !lines.isEmpty()) sb.append("      $ ").append(plain(s.command())).append('\n');
        for (LogLine l : lines) {
            sb.append("      ").append(l.timeText()).append(l.stream() == OutputLine.Stream.STDERR ? " err " : " out ")
                    .append(term.remote(l.text())).append('\n');
        }
    }

    private ObjectNode json(RunStore store, RunRecord r) throws IOException {
        ObjectNode o = RunJson.tree(r);
        o.remove("format");
        if (!output) return o;
        for (String host : r.hosts()) {
            ArrayNode steps = (ArrayNode) o.get("steps").get(host);
            for (int i = 0; i < steps.size(); i++) {
                ArrayNode lines = ((ObjectNode) steps.get(i)).putArray("output");
                for (LogLine l : store.logLines(r.runId(), host, r.steps(host).get(i).id())) {
                    ObjectNode line = lines.addObject();
                    line.put("time", l.timeText());
                    line.put("stream", l.stream().name().toLowerCase());
                    line.put("text", TerminalSanitizer.plain(l.text()));
                }
            }
        }
        return o;
    }

    static String mark(StepStatus s) {
        return switch (s) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case WARNED -> "!";
            case SKIPPED -> "-";
            case ABSENT -> "?";
            case CANCELLED, INTERRUPTED -> "⊘";
            case PENDING -> "·";
            case RUNNING -> "…";
        };
    }

    private static String title(StepRecord s) {
        return plain(s.title() != null ? s.title() : s.id());
    }

    private static String params(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String plain(String text) {
        return TerminalSanitizer.plain(text);
    }
}

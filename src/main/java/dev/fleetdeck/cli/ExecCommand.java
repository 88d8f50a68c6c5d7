package dev.fleetdeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.text.TerminalSanitizer;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.FleetExec;
import dev.fleetdeck.transport.OutputLine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleetdeck exec SEL -- CMD}: one command on many hosts, output streamed with host prefixes. */
@picocli.CommandLine.Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run a shell command on the selected hosts in parallel, streaming every line prefixed "
                + "by its host.",
                "Like ssh, the words after -- are joined with spaces and run by the remote shell, so "
                + "pipes work when quoted: fleetdeck exec @servers -- 'journalctl -u sshd | tail'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the command exited 0 on every host",
                "1:some host returned non-zero, timed out, or could not be reached",
                "2:bad usage or configuration"})
final class ExecCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Parameters(index = "0", paramLabel = "SELECTION", description = "name, glob, @tag, all, or a comma list")
    String selection;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "the command, after --")
    List<String> command;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "kill the command after this long")
    Integer timeoutSeconds;

    @Option(names = {"-p", "--parallel"}, defaultValue = "16", description = "hosts at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--json", description = "One JSON event per line instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1) throw new CliFailure(ExitCodes.USAGE, "--parallel must be at least 1");
        if (timeoutSeconds != null && timeoutSeconds < 1) throw new CliFailure(ExitCodes.USAGE, "--timeout must be at least 1");
        List<Host> hosts = fleet.select(selection);
        Command cmd = Command.shell(String.join(" ", command));
        if (timeoutSeconds != null) cmd = cmd.withTimeout(Duration.ofSeconds(timeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Terminal term = Terminal.detect(System.getenv());
        int width = hosts.stream().mapToInt(h -> h.name().length()).max().orElse(0);
        FleetExec.Listener listener = json ? new JsonEvents(out) : new TextLines(out, err, term, width);
        Map<Host, ExecResult> results = FleetExec.run(hosts, cmd, fleet.ssh(), parallel, listener);
        return results.values().stream().allMatch(ExecResult::ok) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** {@code host | line} on stdout (stderr lines on stderr), and one line per host that did not exit 0. */
    private record TextLines(PrintWriter out, PrintWriter err, Terminal term, int width) implements FleetExec.Listener {
        @Override
        public void line(Host host, OutputLine line) {
            PrintWriter w = line.stream() == OutputLine.Stream.STDERR ? err : out;
            synchronized (TextLines.class) {
                w.println(pad(host.name()) + " | " + term.remote(line.text()));
                w.flush();
            }
        }

        @Override
        public void finished(Host host, ExecResult result) {
            if (result.ok()) return;
            synchronized (TextLines.class) {
                err.println(pad(host.name()) + " ! " + TerminalSanitizer.plain(result.describe()));
                err.flush();
            }
        }

        private String pad(String name) {
            return name + " ".repeat(width - name.length());
        }
    }

    /** One JSON object per line: {@code line} events while running, one {@code result} per host. */
    private record JsonEvents(PrintWriter out) implements FleetExec.Listener {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        public void line(Host host, OutputLine line) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("event", "line");
            o.put("host", host.name());
            o.put("stream", line.stream().name().toLowerCase());
            o.put("text", TerminalSanitizer.plain(line.text()));
            o.put("at", line.at().toString());
            emit(o);
        }

        @Override
        public void finished(Host host, ExecResult result) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("event", "result");
            o.put("host", host.name());
            o.put("ok", result.ok());
            o.put("result", kind(result));
            if (result instanceof ExecResult.Exited e) o.put("code", e.code());
            o.put("message", result.describe());
            emit(o);
        }

        private static String kind(ExecResult r) {
            if (r instanceof ExecResult.Exited) return "exited";
            if (r instanceof ExecResult.TimedOut) return "timed-out";
            if (r instanceof ExecResult.Cancelled) return "cancelled";
            if (r instanceof ExecResult.ConnectionLost) return "connection-lost";
            return "not-started";
        }

        private void emit(ObjectNode o) {
            synchronized (JsonEvents.class) {
                out.println(o.toString());
                out.flush();
            }
        }
    }
}

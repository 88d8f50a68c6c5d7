package dev.fleetdeck.cli;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.RunListener;
import dev.fleetdeck.task.StepStatus;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints a run as a live checklist: one line per step per host as it finishes, output lines with -v. */
final class ChecklistPrinter implements RunListener {

    private final PrintWriter out;
    private final Terminal term;
    private final boolean verbose;
    private final int width;
    private final Map<String, String> titles = new HashMap<>();
    private int failedHosts;

    ChecklistPrinter(PrintWriter out, Terminal term, boolean verbose, List<Host> hosts) {
        this.out = out;
        this.term = term;
        this.verbose = verbose;
        this.width = hosts.stream().mapToInt(h -> h.name().length()).max().orElse(0);
    }

    static String glyph(StepStatus s) {
        return switch (s) {
            case PASSED -> "✓";
            case WARNED -> "!";
            case FAILED -> "✗";
            case ABSENT -> "○";
            case SKIPPED -> "-";
            case CANCELLED, INTERRUPTED -> "⊘";
            case PENDING, RUNNING -> " ";
        };
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s) {
            s.steps().forEach(st -> titles.put(st.id(), st.title()));
            out.println("run " + s.runId() + ": " + s.taskTitle() + " on " + String.join(", ", s.hosts()));
        } else if (event instanceof RunEvent.StepOutput o && verbose) {
            out.println(pad(o.host()) + "   " + o.stepId() + " | " + term.remote(o.line().text()));
        } else if (event instanceof RunEvent.StepFinished f) {
            String took = f.took().isZero() ? "" : String.format(" (%.1f s)", f.took().toMillis() / 1000.0);
            out.println(pad(f.host()) + " " + glyph(f.status()) + " " + titles.getOrDefault(f.stepId(), f.stepId())
                    + took + (f.message() == null || f.status() == StepStatus.PASSED ? "" : ": "
                    + term.remote(f.message())));
            if (f.fix() != null) out.println(pad("") + "   fix: " + f.fix());
        } else if (event instanceof RunEvent.RunFinished f) {
            out.println(f.cancelled() ? "cancelled" : f.passed() ? "passed" : "FAILED");
        }
        out.flush();
    }

    private String pad(String host) {
        return host + " ".repeat(Math.max(0, width - host.length()));
    }
}

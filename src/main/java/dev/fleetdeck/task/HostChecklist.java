package dev.fleetdeck.task;

import dev.fleetdeck.fleet.HealthCheck;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.RunResult.StepOutcome;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.Execution;
import dev.fleetdeck.transport.OutputLine;
import dev.fleetdeck.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a task's steps in order on one host: skips steps whose {@code when} fails, retries, stops at the first
 * failed {@code fail} step (the rest are reported skipped, so the checklist is always complete), and reports
 * every step through run events.
 */
final class HostChecklist {

    /** Output kept per attempt for evaluating expectations; the full stream goes to listeners and history. */
    private static final int KEEP_CHARS = 1 << 20;

    private final RunContext run;
    private final Host host;
    private final Transport remote;
    private final Transport local;
    private final Map<String, StepStatus> done = new LinkedHashMap<>();
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private volatile Execution current;

    HostChecklist(RunContext run, Host host, Transport remote, Transport local) {
        this.run = run;
        this.host = host;
        this.remote = remote;
        this.local = local;
    }

    List<StepOutcome> outcomes() {
        return outcomes;
    }

    /** Kills the command that is running now, if any. */
    void cancelCurrent() {
        Execution e = current;
        if (e != null) e.cancel();
    }

    void runAll() throws InterruptedException {
        String stopReason = null;
        for (StepDef step : run.task().steps()) {
            if (stopReason == null && run.cancelled()) stopReason = "run cancelled";
            if (stopReason != null) {
                finish(step, StepStatus.SKIPPED, Duration.ZERO, null, "skipped: " + stopReason);
                continue;
            }
            if (step.when() != null && !ConditionEvaluator.holds(step.when(), host, run.params(), done)) {
                finish(step, StepStatus.SKIPPED, Duration.ZERO, null, "skipped: condition not met");
                continue;
            }
            StepStatus status = runStep(step);
            if (status == StepStatus.FAILED) stopReason = "step \"" + step.id() + "\" failed";
            if (status == StepStatus.CANCELLED) stopReason = "run cancelled";
        }
    }

    private StepStatus runStep(StepDef step) throws InterruptedException {
        Instant start = Instant.now();
        Attempt last = null;
        int attempts = 1 + Math.max(0, step.retries());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                if (run.cancelled()) break;
                Thread.sleep(step.retryDelay().toMillis());
            }
            last = attempt(step, attempt);
            if (last.status != StepStatus.FAILED) break;
        }
        StepStatus status = last == null ? StepStatus.CANCELLED : last.status;
        if (status == StepStatus.FAILED && step.severity() == StepDef.Severity.WARN) status = StepStatus.WARNED;
        String message = last == null ? "cancelled" : last.message;
        return finish(step, status, Duration.between(start, Instant.now()), last == null ? null : last.exitCode,
                message);
    }

    private record Attempt(StepStatus status, String message, Integer exitCode) {
    }

    private Attempt attempt(StepDef step, int attempt) throws InterruptedException {
        if (step.manual() != null) {
            emit(new RunEvent.StepStarted(run.id(), Instant.now(), host.name(), step.id(), attempt, "manual", null));
            String instructions;
            try {
                instructions = run.vars(host).text(step.manual());
            } catch (VariableException e) {
                return new Attempt(StepStatus.FAILED, e.getMessage(), null);
            }
            boolean yes = run.manual().confirm(host, step.title(), instructions);
            return yes ? new Attempt(StepStatus.PASSED, "confirmed", null)
                    : new Attempt(StepStatus.FAILED, "not confirmed", null);
        }
        if ("health".equals(step.expand())) return health(step, attempt);
        Variables vars = run.vars(host);
        Command command;
        String shown;
        Expectation expect;
        try {
            command = vars.command(step);
            shown = vars.display(step.run());
            expect = vars.expectation(step.expect() == null ? Expectation.EXIT_ZERO : step.expect());
        } catch (VariableException e) {
            emit(new RunEvent.StepStarted(run.id(), Instant.now(), host.name(), step.id(), attempt,
                    step.where().name().toLowerCase(), null));
            return new Attempt(StepStatus.FAILED, e.getMessage(), null);
        }
        Transport target = step.where() == StepDef.Where.LOCAL ? local : remote;
        emit(new RunEvent.StepStarted(run.id(), Instant.now(), host.name(), step.id(), attempt,
                step.where().name().toLowerCase(), shown));
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Execution e = target.exec(command, line -> {
            String text = run.mask(line.text());
            synchronized (out) {
                StringBuilder b = line.stream() == OutputLine.Stream.STDERR ? err : out;
                if (b.length() < KEEP_CHARS) b.append(line.text()).append('\n');
            }
            emit(new RunEvent.StepOutput(run.id(), line.at(), host.name(), step.id(),
                    new OutputLine(line.stream(), text, line.at())));
        });
        current = e;
        if (run.cancelled()) e.cancel();
        ExecResult r;
        try {
            r = e.await();
        } finally {
            current = null;
        }
        if (r instanceof ExecResult.Exited x) {
            String stdout;
            String stderr;
            synchronized (out) {
                stdout = out.toString();
                stderr = err.toString();
            }
            Verdict v = ExpectationEvaluator.evaluate(expect, x.code(), stdout, stderr);
            return new Attempt(v.status(), run.mask(v.message()), x.code());
        }
        if (r instanceof ExecResult.Cancelled) return new Attempt(StepStatus.CANCELLED, "cancelled", null);
        return new Attempt(StepStatus.FAILED, run.mask(r.describe()), null);
    }

    /** Every health check of the host must pass; each is retried every period until the step's timeout. */
    private Attempt health(StepDef step, int attempt) throws InterruptedException {
        emit(new RunEvent.StepStarted(run.id(), Instant.now(), host.name(), step.id(), attempt, "health", null));
        if (host.health().isEmpty()) return new Attempt(StepStatus.PASSED, "no health checks defined", null);
        long deadline = System.nanoTime() + step.timeout().toNanos();
        List<String> failures = new ArrayList<>();
        for (HealthCheck check : host.health()) {
            String problem;
            while (true) {
                if (run.cancelled()) return new Attempt(StepStatus.CANCELLED, "cancelled", null);
                problem = HealthProbe.once(check, remote);
                if (problem == null || System.nanoTime() + check.period().toNanos() > deadline) break;
                Thread.sleep(check.period().toMillis());
            }
            String line = (problem == null ? "ok   " : "FAIL ") + check.description()
                    + (problem == null ? "" : ": " + problem);
            emit(new RunEvent.StepOutput(run.id(), Instant.now(), host.name(), step.id(),
                    new OutputLine(problem == null ? OutputLine.Stream.STDOUT : OutputLine.Stream.STDERR,
                            run.mask(line), Instant.now())));
            if (problem != null) failures.add("health check \"" + check.description() + "\" failed: " + problem);
        }
        return failures.isEmpty()
                ? new Attempt(StepStatus.PASSED, host.health().size() + " health checks passed", null)
                : new Attempt(StepStatus.FAILED, run.mask(String.join("; ", failures)), null);
    }

    private StepStatus finish(StepDef step, StepStatus status, Duration took, Integer exitCode, String message) {
        done.put(step.id(), status);
        outcomes.add(new StepOutcome(step.id(), status, message, exitCode));
        boolean bad = status == StepStatus.FAILED || status == StepStatus.WARNED;
        emit(new RunEvent.StepFinished(run.id(), Instant.now(), host.name(), step.id(), status, took, exitCode,
                message, bad ? step.fix() : null));
        return status;
    }

    private void emit(RunEvent e) {
        run.listener().on(e);
    }
}

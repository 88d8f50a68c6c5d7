package dev.fleetdeck.deploy;

import static dev.fleetdeck.deploy.DeploySteps.*;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.EmbeddedChecklist;
import dev.fleetdeck.task.RunResult.StepOutcome;
import dev.fleetdeck.task.StepDef;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.task.TaskParamException;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.SshSettings;
import dev.fleetdeck.transport.Transport;
import dev.fleetdeck.transport.Transports;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The safe deploy of one host: lock → preflight → build → copy → record → arm → activate → reconnect fresh →
 * validate → disarm, or roll back and verify. Every path ends with an honest {@link Outcome}: "confirmed" only
 * after the host was seen on the new generation, healthy, with the guard disarmed by us.
 */
final class HostDeploy {

    private static final Duration QUICK = Duration.ofSeconds(60);
    /** Marks that the embedded validate steps were reported. */
    static final String VALIDATED = "#validate";
    private static final Duration RETRY = Duration.ofMillis(500);

    private final String runId;
    private final String deployId;
    private final Host host;
    private final DeployOptions options;
    private final Engine engine;
    private final SshSettings ssh;
    private final LocalTools tools;
    private final TaskDef preflight;
    private final TaskDef validate;
    private final StepLog log;
    private final BooleanSupplier stopped;
    private final Duration confirm;

    HostDeploy(String runId, Host host, DeployOptions options, SshSettings ssh, LocalTools tools, TaskDef preflight,
               TaskDef validate, StepLog log, BooleanSupplier stopped) {
        this.runId = runId;
        this.deployId = unitSafe(runId);
        this.host = host;
        this.options = options;
        this.engine = Engine.of(options.engine() != null ? options.engine() : host.engine());
        this.ssh = ssh;
        this.tools = tools;
        this.preflight = preflight;
        this.validate = validate;
        this.log = log;
        this.stopped = stopped;
        this.confirm = options.confirmTimeout() != null ? options.confirmTimeout() : host.confirmTimeout();
    }

    /** Runs the whole pipeline; every step is reported (run or skipped) and the outcome is the last step. */
    Outcome run() {
        Outcome o;
        try {
            o = locked();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o = new Outcome(host.name(), Outcome.Kind.UNKNOWN, "interrupted; the guard on the host still decides");
        } catch (RuntimeException e) {
            o = new Outcome(host.name(), Outcome.Kind.UNKNOWN, "internal error: " + e);
        }
        for (String id : DeploySteps.own()) if (!id.equals(OUTCOME)) log.skip(id, "not reached");
        log.start(OUTCOME, "local", null);
        log.finish(OUTCOME, o.kind().success() ? StepStatus.PASSED : StepStatus.FAILED, null, o.message());
        return o;
    }

    private Outcome locked() throws InterruptedException {
        if (stopped.getAsBoolean()) return skipAll(Outcome.Kind.STOPPED, "another host was rolled back (use --keep-going)");
        log.start(LOCK, "local", null);
        Optional<LocalLock> local;
        try {
            local = LocalLock.tryAcquire(tools.stateDir(), host.name(), runId);
        } catch (IOException e) {
            log.fail(LOCK, null, "cannot create the local lock: " + e.getMessage());
            return skipAll(Outcome.Kind.FAILED_BEFORE_ACTIVATION, "local lock: " + e.getMessage());
        }
        if (local.isEmpty()) {
            String why = "another deploy of " + host.name() + " is running (" + LocalLock.holder(tools.stateDir(),
                    host.name()) + ")";
            log.fail(LOCK, null, why);
            return skipAll(Outcome.Kind.REFUSED, why);
        }
        RemoteLock remoteLock = new RemoteLock(runId, deployId, confirm.multipliedBy(3).plus(options.lockWait().multipliedBy(2))
                .plus(options.comeBack()).plus(Duration.ofMinutes(30)));
        try (LocalLock held = local.get(); Transport remote = Transports.open(host, ssh)) {
            StepLog.Ran lock = log.run(LOCK, remote, "host", remoteLock.acquire(), QUICK);
            if (!lock.ok()) {
                log.fail(LOCK, lock, lock.problem());
                boolean busy = lock.stderr().stream().anyMatch(l -> l.contains("locked by"));
                return skipAll(busy ? Outcome.Kind.REFUSED : Outcome.Kind.FAILED_BEFORE_ACTIVATION, lock.problem());
            }
            log.pass(LOCK, "locked here and on the host");
            Outcome o = afterLock(remote, remoteLock);
            // An unknown host may still have its guard pending: its lock stays until it expires.
            if (o.kind() != Outcome.Kind.UNKNOWN) {
                try (Transport fresh = Transports.open(host, ssh)) {
                    fresh.exec(Command.shell(remoteLock.release()).withTimeout(
                            Duration.ofSeconds(15)), line -> { }).await();
                }
            }
            return o;
        }
    }

    private Outcome afterLock(Transport remote, RemoteLock remoteLock) throws InterruptedException {
        Transport local = tools.transport();
        Map<String, String> pfParams = new HashMap<>(options.preflightParams());
        pfParams.putIfAbsent("flake", options.flake().toString());
        List<StepOutcome> pf = embedded(preflight, pfParams, remote, local);
        if (pf == null) return skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, "bad preflight parameters");
        if (!EmbeddedChecklist.passed(pf)) {
            return skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, "preflight " + EmbeddedChecklist.firstFailure(pf));
        }
        if (stopped.getAsBoolean()) return skipRest(Outcome.Kind.STOPPED, "another host was rolled back (use --keep-going)");
        if (!engine.supports(options.goal())) {
            return skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, engine.id() + " cannot do goal " + options.goal().id());
        }

        // Build and copy (nixos-rebuild); deploy-rs and colmena do both while activating.
        String storePath = null;
        String build = engine.build(host, options.flake());
        if (build == null) {
            log.skip(BUILD, engine.id() + " builds while it activates");
            log.skip(COPY, engine.id() + " copies while it activates");
        } else {
            StepLog.Ran b = log.run(BUILD, local, "local", build, Duration.ofHours(2));
            if (!b.ok() || b.last().isEmpty()) {
                log.fail(BUILD, b, "build failed: " + b.problem());
                return skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, "build failed: " + b.problem());
            }
            storePath = b.last();
            log.pass(BUILD, storePath);
            StepLog.Ran c = log.run(COPY, local, "local", engine.copy(host, storePath, ssh), Duration.ofHours(1));
            if (!c.ok()) {
                log.fail(COPY, c, "copy failed: " + c.problem());
                return skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, "copy failed: " + c.problem());
            }
            log.pass(COPY, "closure on the host");
        }
        String storeName = storePath == null ? null : storePath.substring(storePath.lastIndexOf('/') + 1);

        StepLog.Ran rec = log.run(RECORD, remote, "host", remoteLock.refresh() + "echo \"previous=$(readlink -f " + HostPaths.CURRENT
                + ")\"; echo \"profile=$(readlink " + HostPaths.PROFILE + ")\"", QUICK);
        String previous = rec.value("previous");
        if (!rec.ok() || previous == null || previous.isEmpty()) {
            log.fail(RECORD, rec, "cannot read the running generation: " + rec.problem());
            return skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, "cannot read the running generation");
        }
        log.pass(RECORD, "running " + previous + " (profile " + rec.value("profile") + ")");

        GuardScript guard = new GuardScript(deployId, previous, confirm, options.lockWait());
        Instant armedAt = Instant.now();
        if (options.goal().guarded()) {
            StepLog.Ran arm = log.run(ARM, remote, "host", guard.arm(), QUICK);
            if (!arm.ok()) {
                log.fail(ARM, arm, "cannot arm the guard: " + arm.problem());
                return skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, "cannot arm the guard: " + arm.problem());
            }
            log.pass(ARM, "fires at +" + confirm.toSeconds() + " s unless disarmed");
        } else {
            log.skip(ARM, "goal " + options.goal().id() + " changes nothing running");
        }
        return new Activation(this, guard, previous, storeName, armedAt, remote, local).run();
    }

    // ---- shared with Activation ----

    String deployId() {
        return deployId;
    }

    Host host() {
        return host;
    }

    DeployOptions options() {
        return options;
    }

    Engine engine() {
        return engine;
    }

    SshSettings ssh() {
        return ssh;
    }

    StepLog log() {
        return log;
    }

    Duration confirm() {
        return confirm;
    }

    TaskDef validate() {
        return validate;
    }

    /** Runs a built-in's steps embedded in this checklist; null when its parameters are wrong. */
    List<StepOutcome> embedded(TaskDef task, Map<String, String> params, Transport remote, Transport local)
            throws InterruptedException {
        try {
            return new EmbeddedChecklist(runId, task, params, log.listener()).run(host, remote, local);
        } catch (TaskParamException e) {
            EmbeddedChecklist.skipAll(runId, task, host.name(), e.getMessage(), log.listener());
            return null;
        }
    }

    /** {@code task} with every step's time limit cut to {@code left}: validation must end before the guard. */
    static TaskDef capped(TaskDef task, Duration left) {
        Duration cap = left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
        return new TaskDef(task.id(), task.title(), task.description(), task.params(), task.steps().stream()
                .map(s -> s.timeout() == null || s.timeout().compareTo(cap) <= 0 ? s : new StepDef(s.id(), s.title(),
                        s.where(), s.run(), s.expect(), cap, s.retries(), s.retryDelay(), s.severity(), s.manual(),
                        s.when(), s.fix(), s.expand()))
                .toList(), task.source());
    }

    Outcome skipRest(Outcome.Kind kind, String reason) {
        if (!log.done(VALIDATED)) EmbeddedChecklist.skipAll(runId, validate, host.name(), reason, log.listener());
        for (String id : DeploySteps.own()) if (!id.equals(OUTCOME)) log.skip(id, reason);
        return new Outcome(host.name(), kind, reason);
    }

    private Outcome skipAll(Outcome.Kind kind, String reason) {
        EmbeddedChecklist.skipAll(runId, preflight, host.name(), reason, log.listener());
        EmbeddedChecklist.skipAll(runId, validate, host.name(), reason, log.listener());
        for (String id : DeploySteps.own()) if (!id.equals(OUTCOME)) log.skip(id, reason);
        return new Outcome(host.name(), kind, reason);
    }

    String runId() {
        return runId;
    }

    static Duration retryPause() {
        return RETRY;
    }

    /** A systemd unit name part: letters, digits and dashes only. */
    static String unitSafe(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "-");
    }
}

package dev.fleetdeck.deploy;

import static dev.fleetdeck.deploy.DeploySteps.*;

import dev.fleetdeck.task.EmbeddedChecklist;
import dev.fleetdeck.task.RunResult.StepOutcome;
import dev.fleetdeck.task.StepStatus;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.Transport;
import dev.fleetdeck.transport.Transports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * From activation on: activate, reconnect over a fresh connection, validate, disarm; or roll back (now, when
 * the host answers; else the guard does it on its own) and verify the host runs the previous generation.
 */
final class Activation {

    private final HostDeploy d;
    private final GuardScript guard;
    private final String previous;
    private final String storeName;
    private final Instant armedAt;
    private final Transport remote;
    private final Transport local;
    private final StepLog log;
    private String lastReconnectProblem = "no attempt";

    Activation(HostDeploy d, GuardScript guard, String previous, String storeName, Instant armedAt, Transport remote,
               Transport local) {
        this.d = d;
        this.guard = guard;
        this.previous = previous;
        this.storeName = storeName;
        this.armedAt = armedAt;
        this.remote = remote;
        this.local = local;
        this.log = d.log();
    }

    /** When the guard fires on the host (measured from before it was armed: never later than the real one). */
    private Instant guardFires() {
        return armedAt.plus(d.confirm());
    }

    Outcome run() throws InterruptedException {
        boolean guarded = d.options().goal().guarded();
        // Past the confirm timeout the guard decides; the extra keepalive span lets a dead link show up as a
        // lost connection rather than as a timeout.
        Duration keepalive = Duration.ofSeconds((long) d.ssh().keepAliveInterval() * d.ssh().keepAliveMaxCount() + 2);
        Duration limit = guarded ? d.confirm().plus(keepalive) : Duration.ofHours(1);
        String localCmd = d.engine().localActivation(d.host(), d.options().flake(), d.options().goal());
        StepLog.Ran act = localCmd != null
                ? log.run(ACTIVATE, local, "local", localCmd, limit)
                : log.run(ACTIVATE, remote, "host", Engine.remoteActivation(d.deployId(), d.options().goal(), storeName),
                limit);
        ExecResult r = act.result();
        if (!guarded) return unguarded(act);

        String failure = null;
        boolean rollBackNow = false;
        if (r instanceof ExecResult.Exited x && x.code() != 0) {
            failure = Instant.now().isAfter(guardFires()) ? "activation did not finish before the guard fired ("
                    + act.problem() + ")" : "activation failed: " + act.problem();
            rollBackNow = true;
            log.fail(ACTIVATE, act, failure);
        } else if (r instanceof ExecResult.TimedOut) {
            failure = "activation did not finish within " + limit.toSeconds() + " s";
            log.fail(ACTIVATE, act, failure);
        } else if (r instanceof ExecResult.Exited) {
            log.pass(ACTIVATE, "activated");
        } else {
            // Connection lost (sshd or the network restarted): the unit goes on by itself; the fresh connection
            // below finds out how it ended.
            log.finish(ACTIVATE, StepStatus.WARNED, null, r.describe() + "; activation continues on the host");
        }

        String current = null;
        if (failure == null) {
            current = reconnect();
            if (current == null) {
                failure = "host unreachable over a fresh connection after activation (" + lastReconnectProblem + ")";
            } else if (storeName != null && !current.endsWith("/" + storeName)) {
                failure = "host runs " + current + ", not the new generation " + storeName;
                rollBackNow = true;
            } else if (storeName == null && current.equals(previous)) {
                failure = d.engine().id() + " left the host on the previous generation (its own rollback)";
                rollBackNow = true;
            }
            if (failure != null) log.fail(RECONNECT, null, failure);
        }
        if (failure == null) {
            log.pass(RECONNECT, "fresh login works; running " + current);
            failure = validateAndDisarm(current);
            rollBackNow = failure != null;
        } else {
            log.skip(RECONNECT, failure);
        }
        if (failure == null) {
            return new Outcome(d.host().name(), Outcome.Kind.CONFIRMED, "running " + current + ", validated, guard disarmed");
        }
        return rollBack(failure, rollBackNow);
    }

    private Outcome unguarded(StepLog.Ran act) {
        String goal = d.options().goal().id();
        if (!act.ok()) {
            log.fail(ACTIVATE, act, goal + " failed: " + act.problem());
            return d.skipRest(Outcome.Kind.FAILED_BEFORE_ACTIVATION, goal + " failed: " + act.problem());
        }
        log.pass(ACTIVATE, goal + " done");
        String why = "goal " + goal + " activates nothing";
        d.skipRest(Outcome.Kind.REPORTED, why);
        return new Outcome(d.host().name(), Outcome.Kind.REPORTED, goal.equals("boot")
                ? "new generation is the boot default; running system unchanged until a reboot"
                : "dry activation printed above; nothing changed");
    }

    /** Retries a fresh login until shortly before the guard fires; returns the running generation, or null. */
    private String reconnect() throws InterruptedException {
        Instant deadline = guardFires().minusSeconds(1);
        String last = null;
        int attempt = 0;
        do {
            attempt++;
            try (Transport fresh = Transports.open(d.host(), d.ssh())) {
                StepLog.Ran r = log.run(RECONNECT, fresh, "host", "readlink -f " + HostPaths.CURRENT,
                        Duration.ofSeconds(10));
                if (r.ok() && !r.last().isEmpty()) return r.last();
                last = r.problem();
                lastReconnectProblem = last;
            }
            log.say(RECONNECT, "attempt " + attempt + ": " + last);
            Thread.sleep(HostDeploy.retryPause().toMillis());
        } while (Instant.now().isBefore(deadline));
        return null;
    }

    /** Validation over yet another fresh connection, then disarm; returns the failure, or null when confirmed. */
    private String validateAndDisarm(String current) throws InterruptedException {
        try (Transport fresh = Transports.open(d.host(), d.ssh())) {
            Duration left = Duration.between(Instant.now(), guardFires().minusSeconds(1));
            log.markDone(HostDeploy.VALIDATED);
            List<StepOutcome> v = d.embedded(forGoal(HostDeploy.capped(d.validate(), left)),
                    d.options().validateParams(), fresh, local);
            if (v == null) return "bad validate parameters";
            if (!EmbeddedChecklist.passed(v)) {
                StepOutcome bad = v.stream().filter(o -> o.status().failure()).findFirst().orElseThrow();
                String why = bad.stepId().equals("health") ? bad.message() : "validation step \"" + bad.stepId()
                        + "\" failed: " + bad.message();
                log.skip(DISARM, why);
                return why;
            }
            StepLog.Ran dis = log.run(DISARM, fresh, "host", guard.disarm(current), Duration.ofSeconds(30));
            if (!dis.ok()) {
                String why = "could not disarm the guard: " + dis.problem();
                log.fail(DISARM, dis, why);
                return why;
            }
            log.pass(DISARM, "confirmed; guard disarmed");
            return null;
        }
    }

    /**
     * goal test activates without moving the system profile, so validate's "profile = running system" step
     * does not apply; the disarm step checks the running generation instead.
     */
    private TaskDef forGoal(TaskDef v) {
        if (d.options().goal() != Goal.TEST) return v;
        log.skip(PROFILE_STEP, "goal test leaves the system profile alone (disarm checks the running generation)");
        return new TaskDef(v.id(), v.title(), v.description(), v.params(),
                v.steps().stream().filter(s -> !s.id().equals(PROFILE_STEP)).toList(), v.source());
    }

    private static final String PROFILE_STEP = "generation";

    private Outcome rollBack(String failure, boolean now) throws InterruptedException {
        if (!log.done(HostDeploy.VALIDATED)) {
            EmbeddedChecklist.skipAll(d.runId(), d.validate(), d.host().name(), failure,
                    log.listener());
            log.markDone(HostDeploy.VALIDATED);
        }
        log.skip(DISARM, failure);
        boolean started = false;
        if (now) {
            try (Transport fresh = Transports.open(d.host(), d.ssh())) {
                StepLog.Ran fire = log.run(ROLLBACK, fresh, "host", guard.fireNow(), Duration.ofSeconds(30));
                started = fire.ok();
                if (!started) log.say(ROLLBACK, "could not start the rollback (" + fire.problem()
                        + "); the guard fires on its own");
            }
        } else {
            log.start(ROLLBACK, "host", null);
            log.say(ROLLBACK, "the guard on the host rolls back on its own at +" + d.confirm().toSeconds() + " s");
        }
        log.pass(ROLLBACK, started ? "rollback started" : "left to the guard on the host");
        return verify(failure);
    }

    /** Polls with fresh connections until the host runs the previous generation and the guard finished. */
    private Outcome verify(String failure) throws InterruptedException {
        Instant deadline = guardFires().plus(d.options().lockWait().multipliedBy(2)).plus(d.options().comeBack());
        String seen = "no answer";
        int attempt = 0;
        while (true) {
            attempt++;
            try (Transport fresh = Transports.open(d.host(), d.ssh())) {
                StepLog.Ran p = log.run(VERIFY, fresh, "host", guard.probe(), Duration.ofSeconds(10));
                if (p.ok()) {
                    String cur = p.value("current");
                    String rc = p.value("guard");
                    seen = "running " + cur + (rc == null ? "" : ", rollback exit " + rc);
                    if (previous.equals(cur) && rc != null) {
                        log.pass(VERIFY, "back on " + previous);
                        return new Outcome(d.host().name(), Outcome.Kind.ROLLED_BACK, failure);
                    }
                } else {
                    seen = p.problem();
                }
            }
            if (!Instant.now().isBefore(deadline)) break;
            if (attempt % 4 == 1) log.say(VERIFY, "waiting: " + seen);
            Thread.sleep(HostDeploy.retryPause().toMillis());
        }
        String why = failure + "; host not verified on the previous generation (" + seen + ")";
        log.fail(VERIFY, null, why);
        return new Outcome(d.host().name(), Outcome.Kind.UNKNOWN, why);
    }
}

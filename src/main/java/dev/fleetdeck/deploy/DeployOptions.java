package dev.fleetdeck.deploy;

import dev.fleetdeck.fleet.DeployEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to deploy.
 *
 * @param engine          overrides every host's own engine, or null
 * @param flake           the flake repository (on this machine)
 * @param parallel        hosts at once (1 = serial)
 * @param keepGoing       do not stop the remaining hosts after a rollback
 * @param confirmTimeout  overrides each host's confirm timeout, or null
 * @param lockWait        how long the guard waits for a running activation's switch lock before stopping it
 * @param comeBack        extra time, after the guard should have fired, for the host to come back
 * @param preflightParams / validateParams parameters for the embedded built-ins (e.g. dnsName)
 */
public record DeployOptions(Goal goal, DeployEngine engine, Path flake, int parallel, boolean keepGoing,
                            Duration confirmTimeout, Duration lockWait, Duration comeBack,
                            Map<String, String> preflightParams, Map<String, String> validateParams) {

    public DeployOptions {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1");
        preflightParams = Map.copyOf(preflightParams);
        validateParams = Map.copyOf(validateParams);
    }

    public static DeployOptions defaults(Path flake) {
        return new DeployOptions(Goal.SWITCH, null, flake, 8, false, null, Duration.ofSeconds(60),
                Duration.ofSeconds(30), Map.of(), Map.of());
    }

    public DeployOptions withGoal(Goal g) {
        return new DeployOptions(g, engine, flake, parallel, keepGoing, confirmTimeout, lockWait, comeBack,
                preflightParams, validateParams);
    }

    public DeployOptions withEngine(DeployEngine e) {
        return new DeployOptions(goal, e, flake, parallel, keepGoing, confirmTimeout, lockWait, comeBack,
                preflightParams, validateParams);
    }

    public DeployOptions withParallel(int p, boolean keep) {
        return new DeployOptions(goal, engine, flake, p, keep, confirmTimeout, lockWait, comeBack,
                preflightParams, validateParams);
    }

    public DeployOptions withTimeouts(Duration confirm, Duration lockWait, Duration comeBack) {
        return new DeployOptions(goal, engine, flake, parallel, keepGoing, confirm, lockWait, comeBack,
                preflightParams, validateParams);
    }

    public DeployOptions withParams(Map<String, String> preflight, Map<String, String> validate) {
        return new DeployOptions(goal, engine, flake, parallel, keepGoing, confirmTimeout, lockWait, comeBack,
                preflight, validate);
    }
}

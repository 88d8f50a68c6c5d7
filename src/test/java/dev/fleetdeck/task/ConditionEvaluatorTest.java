package dev.fleetdeck.task;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionEvaluatorTest {

    static final Map<String, StepStatus> STEPS = Map.of("key", StepStatus.ABSENT, "disk", StepStatus.PASSED);
    static final Map<String, String> PARAMS = Map.of("mode", "fast", "empty", "");

    static boolean holds(Condition c, boolean cortex) {
        return ConditionEvaluator.holds(c, cortex ? Hosts.CORTEX : Hosts.PLAIN, PARAMS, STEPS);
    }

    @Test
    void tagsAndFacts() {
        assertTrue(holds(new Condition.HasTag("gpu"), true));
        assertFalse(holds(new Condition.HasTag("gpu"), false));
        for (String fact : List.of("backup", "health", "engine:deploy-rs", "transport:openssh")) {
            assertTrue(holds(new Condition.HasFact(fact), true), fact);
            assertFalse(holds(new Condition.HasFact(fact), false), fact);
        }
        assertTrue(holds(new Condition.HasFact("engine:nixos-rebuild"), false));
        assertTrue(holds(new Condition.HasFact("transport:sshj"), false));
    }

    @Test
    void earlierSteps() {
        assertTrue(holds(new Condition.StepIs("disk", List.of(StepStatus.PASSED)), true));
        assertFalse(holds(new Condition.StepIs("key", List.of(StepStatus.PASSED)), true));
        assertTrue(holds(new Condition.StepIs("key", List.of(StepStatus.PASSED, StepStatus.ABSENT)), true));
        assertFalse(holds(new Condition.StepIs("never-ran", List.of(StepStatus.PASSED)), true));
    }

    @Test
    void params() {
        assertTrue(holds(new Condition.ParamIs("mode", "fast"), true));
        assertFalse(holds(new Condition.ParamIs("mode", "slow"), true));
        assertTrue(holds(new Condition.ParamIs("mode", null), true));
        assertFalse(holds(new Condition.ParamIs("empty", null), true));
        assertFalse(holds(new Condition.ParamIs("unset", null), true));
    }

    @Test
    void combinations() {
        Condition gpu = new Condition.HasTag("gpu");
        Condition backup = new Condition.HasFact("backup");
        assertTrue(holds(new Condition.All(List.of(gpu, backup)), true));
        assertFalse(holds(new Condition.All(List.of(gpu, new Condition.Not(backup))), true));
        assertTrue(holds(new Condition.Any(List.of(new Condition.Not(gpu), backup)), false));
        assertFalse(holds(new Condition.Any(List.of(gpu, backup)), false));
    }
}

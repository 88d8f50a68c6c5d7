package dev.fleetdeck.deploy;

import dev.fleetdeck.task.EmbeddedChecklist;
import dev.fleetdeck.task.RunEvent.StepInfo;
import dev.fleetdeck.task.TaskDef;
import java.util.ArrayList;
import java.util.List;

/** The deploy's checklist: its own steps around the preflight and validate built-ins' steps. */
final class DeploySteps {
    static final String LOCK = "lock";
    static final String BUILD = "build";
    static final String COPY = "copy";
    static final String RECORD = "record";
    static final String ARM = "arm";
    static final String ACTIVATE = "activate";
    static final String RECONNECT = "reconnect";
    static final String DISARM = "disarm";
    static final String ROLLBACK = "rollback";
    static final String VERIFY = "verify";
    static final String OUTCOME = "outcome";

    /** Own steps before preflight, between preflight and validate, and after validate. */
    static final List<StepInfo> BEFORE = List.of(info(LOCK, "Host lock (here and on the host)"));
    static final List<StepInfo> MIDDLE = List.of(
            info(BUILD, "Build the new generation"),
            info(COPY, "Copy the closure to the host"),
            info(RECORD, "Record the running generation"),
            info(ARM, "Arm the rollback guard on the host"),
            info(ACTIVATE, "Activate (in a systemd unit an SSH drop cannot kill)"),
            info(RECONNECT, "Reconnect over a fresh connection"));
    static final List<StepInfo> AFTER = List.of(
            info(DISARM, "Confirm: disarm the guard"),
            info(ROLLBACK, "Roll back to the previous generation"),
            info(VERIFY, "Host back on the previous generation"),
            info(OUTCOME, "Deploy outcome"));

    private DeploySteps() {
    }

    static List<StepInfo> all(TaskDef preflight, TaskDef validate) {
        List<StepInfo> steps = new ArrayList<>(BEFORE);
        steps.addAll(EmbeddedChecklist.stepInfos(preflight));
        steps.addAll(MIDDLE);
        steps.addAll(EmbeddedChecklist.stepInfos(validate));
        steps.addAll(AFTER);
        return steps;
    }

    /** The deploy's own step ids in order (the embedded ones are reported by their checklists). */
    static List<String> own() {
        List<String> ids = new ArrayList<>();
        for (List<StepInfo> part : List.of(BEFORE, MIDDLE, AFTER)) part.forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static StepInfo info(String id, String title) {
        return new StepInfo(id, title, false);
    }
}

package dev.fleetdeck.task;

import java.util.List;
import java.util.Map;

/**
 * A checklist task: steps run in order on each selected host.
 *
 * @param id          what the operator types ({@code run preflight cortex})
 * @param params      declared parameters, by name, in declaration order
 * @param source      where the definition came from ({@code builtin:preflight.json} or a file path), for messages
 */
public record TaskDef(String id, String title, String description, Map<String, ParamDef> params,
                      List<StepDef> steps, String source) {

    public TaskDef {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        steps = List.copyOf(steps);
    }
}

package dev.fleetdeck.task;

import java.util.LinkedHashMap;
import java.util.Map;

/** Binds {@code --param name=value} values to a task's declared parameters. */
public final class TaskParams {

    private TaskParams() {
    }

    /**
     * @return every parameter that has a value (given, else its default), in declaration order; an optional
     *         parameter without default and not given is left out (and reads as "" in commands)
     */
    public static Map<String, String> bind(TaskDef task, Map<String, String> given) throws TaskParamException {
        for (String name : given.keySet()) {
            if (task.params().containsKey(name)) continue;
            if (task.params().isEmpty()) {
                throw new TaskParamException("task \"" + task.id() + "\" takes no parameters (got \"" + name + "\")");
            }
            throw new TaskParamException("task \"" + task.id() + "\" has no parameter \"" + name + "\""
                    + TaskDoc.didYouMean(name, task.params().keySet())
                    + " (parameters: " + TaskReader.names(task.params().keySet()) + ")");
        }
        Map<String, String> bound = new LinkedHashMap<>();
        for (ParamDef p : task.params().values()) {
            String value = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (value == null && p.required()) {
                throw new TaskParamException("task \"" + task.id() + "\" needs parameter \"" + p.name()
                        + "\" (--param " + p.name() + "=VALUE)"
                        + (p.description() == null ? "" : ": " + p.description().strip().replaceAll("\\s+", " ")));
            }
            if (value != null) bound.put(p.name(), value);
        }
        return bound;
    }
}

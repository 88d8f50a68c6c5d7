package dev.fleetdeck.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.json.StrictJson;
import dev.fleetdeck.json.Vocabulary;
import dev.fleetdeck.task.TaskJson.Param;
import dev.fleetdeck.task.TaskJson.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one task file ({@code <id>.json}, see docs/tasks.md) into a checked {@link TaskDef}. */
public final class TaskReader {

    static final ObjectMapper MAPPER = StrictJson.builder().addModule(new TaskJsonModule()).build();
    /** Parameters are the named entries: {@code param "token": secret is …}. */
    static final Vocabulary VOCABULARY = new Vocabulary(JsonPath.of("params"), "param");

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final String ID_RULE = "use letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit";
    /** No dots: dotted names are the built-in variables'. */
    static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private TaskReader() {
    }

    /** @param shown how messages name the file */
    public static TaskDef read(Path file, String shown) throws ConfigException {
        JsonDocument doc = JsonDocument.read(file, shown, MAPPER, VOCABULARY);
        return read(doc, file.getFileName().toString(), shown);
    }

    /**
     * @param source   how messages and {@link TaskDef#source()} name the file, e.g. {@code builtin:preflight.json}
     * @param fileName the file's name, which must be the task's id plus {@code .json}
     */
    public static TaskDef parse(String source, String fileName, String text) throws ConfigException {
        return read(JsonDocument.of(source, text, MAPPER, VOCABULARY), fileName, source);
    }

    private static TaskDef read(JsonDocument json, String fileName, String source) throws ConfigException {
        TaskJson t = json.bind(TaskJson.class);
        List<Step> steps = t.steps() == null ? List.of() : t.steps();
        List<String> stepIds = new ArrayList<>();
        for (Step s : steps) stepIds.add(s == null ? null : s.id());
        TaskDoc doc = new TaskDoc(json, stepIds);

        if (t.id() == null) throw doc.problem(JsonPath.ROOT, "has no \"id\"");
        if (!ID.matcher(t.id()).matches()) throw doc.problem(JsonPath.of("id"), "\"" + t.id() + "\" is not a valid id (" + ID_RULE + ")");
        if (!fileName.equals(t.id() + ".json")) {
            throw doc.problem(JsonPath.of("id"), "\"" + t.id() + "\" does not match the file name \"" + fileName
                    + "\"; a task is found by its file name, so name the file " + t.id() + ".json");
        }
        Map<String, ParamDef> params = params(t.params(), doc);
        if (t.steps() == null) throw doc.problem(JsonPath.ROOT, "has no \"steps\"");
        if (steps.isEmpty()) throw doc.problem(JsonPath.of("steps"), "is empty; a task needs at least one step");

        Map<String, String> defaults = new HashMap<>();
        params.values().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        TemplateChecker templates = new TemplateChecker(doc, defaults);
        StepReader reader = new StepReader(doc, templates, params.keySet());
        List<StepDef> defs = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonPath at = JsonPath.of("steps", i);
            Step s = steps.get(i);
            if (s == null) throw doc.problem(at, "is null; expected an object with \"id\" and \"run\"");
            stepId(s.id(), at, earlier, doc);
            defs.add(reader.read(s, at, List.copyOf(earlier), stepIds));
            earlier.add(s.id());
        }
        return new TaskDef(t.id(), t.title() != null ? t.title() : t.id(), t.description(), params, defs, source);
    }

    private static void stepId(String id, JsonPath at, List<String> earlier, TaskDoc doc) throws ConfigException {
        if (id == null) throw doc.problem(at, "has no \"id\"");
        if (!ID.matcher(id).matches()) throw doc.problem(at.field("id"), "\"" + id + "\" is not a valid id (" + ID_RULE + ")");
        if (earlier.contains(id)) throw doc.problem(at.field("id"), "\"" + id + "\" is used by an earlier step too");
    }

    private static Map<String, ParamDef> params(Map<String, Param> json, TaskDoc doc) throws ConfigException {
        Map<String, ParamDef> params = new LinkedHashMap<>();
        if (json == null) return params;
        for (Map.Entry<String, Param> e : json.entrySet()) {
            String name = e.getKey();
            JsonPath at = JsonPath.of("params", name);
            if (!PARAM.matcher(name).matches()) {
                throw doc.problemAtKey(at, "is not a valid parameter name (use letters, digits, \"_\" and \"-\", "
                        + "starting with a letter or \"_\")");
            }
            Param p = e.getValue();
            if (p == null) throw doc.problem(at, "is null; expected an object ({} for a plain optional parameter)");
            boolean required = Boolean.TRUE.equals(p.required());
            if (required && p.defaultValue() != null) {
                throw doc.problem(at.field("required"), "cannot be true when there is a \"default\"");
            }
            params.put(name, new ParamDef(name, p.description(), p.defaultValue(), required, Boolean.TRUE.equals(p.secret())));
        }
        return params;
    }

    /** For messages: the names of {@code params}, or "none". */
    static String names(Set<String> params) {
        return params.isEmpty() ? "none" : String.join(", ", params);
    }
}

package dev.fleetdeck.task;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks that every {@code ${…}} in a task file is well-formed and names a parameter or a built-in. */
final class TemplateChecker {

    private final TaskDoc doc;
    /** Declared parameters and their defaults ({@code null} when none). */
    private final Map<String, String> params;

    TemplateChecker(TaskDoc doc, Map<String, String> params) {
        this.doc = doc;
        this.params = params;
    }

    Template check(String text, JsonPath at) throws ConfigException {
        Template t;
        try {
            t = Template.parse(text);
        } catch (IllegalArgumentException e) {
            throw doc.problem(at, e.getMessage());
        }
        for (String name : t.variables()) {
            if (Variables.known(name, params.keySet())) continue;
            List<String> candidates = new ArrayList<>(params.keySet());
            candidates.addAll(Variables.BUILTIN);
            throw doc.problem(at, "uses ${" + name + "}, which is neither a parameter of this task nor a built-in "
                    + "variable" + TaskDoc.didYouMean(name, candidates));
        }
        return t;
    }

    /**
     * Like {@link #check}, and refuses a variable inside shell quotes: its value arrives already quoted, so
     * {@code "${x}"} would hand the command the quote characters too.
     */
    Template checkScript(String script, JsonPath at) throws ConfigException {
        Template t = check(script, at);
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != '\'' && c == '\\') {
                i++;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (c == '$' && script.startsWith("$${", i)) {
                i += 2;
            } else if (quote != 0 && script.startsWith("${", i)) {
                String name = script.substring(i + 2, script.indexOf('}', i));
                throw doc.problem(at, "puts ${" + name + "} inside quotes; values are inserted already shell-quoted, "
                        + "so write it outside them, e.g. \"Bearer \"${" + name + "}");
            }
        }
        return t;
    }

    /**
     * The text as it would be with parameter defaults, or null when some variable has no value before the run
     * (a host variable, a parameter without default): such text can only be checked when the step runs.
     */
    String withDefaults(Template t) {
        for (String name : t.variables()) if (params.get(name) == null) return null;
        return t.fill(params::get);
    }

    /** A stand-in value for each variable, so a regex with variables can still be compiled to check it. */
    static String withStandIns(Template t) {
        return t.fill(name -> "x");
    }
}

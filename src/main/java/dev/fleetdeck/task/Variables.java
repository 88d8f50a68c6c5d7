package dev.fleetdeck.task;

import dev.fleetdeck.fleet.Backup;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.StepDef.RunSpec;
import dev.fleetdeck.text.ShellQuote;
import dev.fleetdeck.transport.Command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of {@code ${…}} for one host of one run: the task's parameters and the built-in host, backup and
 * run variables. In a script every value is inserted shell-quoted, so no value can inject shell syntax (and a
 * variable must therefore never be written inside quotes); in argv words and expectations values go in raw.
 */
public final class Variables {

    /** Built-in variables; everything else must be a declared parameter. */
    public static final Set<String> BUILTIN = Set.of(
            "host.name", "host.address", "host.port", "host.user", "host.tags",
            "backup.repository", "backup.passCommand", "backup.job", "backup.maxAge",
            "backup.keepDaily", "backup.keepWeekly", "backup.keepMonthly",
            "run.id");

    static final String MASK = "***";

    private final Map<String, String> values;
    private final Set<String> secretNames;
    private final List<String> secrets;
    private final String hostName;

    private Variables(Map<String, String> values, Set<String> secretNames, List<String> secrets, String hostName) {
        this.values = values;
        this.secretNames = secretNames;
        this.secrets = secrets;
        this.hostName = hostName;
    }

    /**
     * @param params bound parameter values ({@link TaskParams#bind}); a declared parameter without a value is ""
     */
    public static Variables of(TaskDef task, Host host, Map<String, String> params, String runId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("host.name", host.name());
        values.put("host.address", host.address());
        values.put("host.port", Integer.toString(host.port()));
        values.put("host.user", host.user());
        values.put("host.tags", String.join(",", host.tags()));
        Backup b = host.backup();
        if (b != null) {
            values.put("backup.repository", b.repository());
            values.put("backup.passCommand", b.passCommand() == null ? "" : b.passCommand());
            values.put("backup.job", b.job());
            values.put("backup.maxAge", Long.toString(b.maxAge().toSeconds()));
            values.put("backup.keepDaily", Integer.toString(b.keepDaily()));
            values.put("backup.keepWeekly", Integer.toString(b.keepWeekly()));
            values.put("backup.keepMonthly", Integer.toString(b.keepMonthly()));
        }
        values.put("run.id", runId);
        Set<String> secretNames = new HashSet<>();
        List<String> secrets = new ArrayList<>();
        for (ParamDef p : task.params().values()) {
            String value = params.getOrDefault(p.name(), "");
            values.put(p.name(), value);
            if (p.secret()) secretNames.add(p.name());
            if (p.secret() && !value.isEmpty()) secrets.add(value);
        }
        // Longest first, so masking a value never leaves part of a longer one showing.
        secrets.sort((x, y) -> y.length() - x.length());
        return new Variables(values, Set.copyOf(secretNames), List.copyOf(secrets), host.name());
    }

    /** Whether {@code name} may be used in a task that declares {@code params}. */
    public static boolean known(String name, Collection<String> params) {
        return BUILTIN.contains(name) || params.contains(name);
    }

    /** The shell command line for {@code run}. */
    public String script(RunSpec run) throws VariableException {
        if (run instanceof RunSpec.Script s) return Template.parse(s.script()).render(n -> ShellQuote.quote(value(n)));
        return ShellQuote.join(words((RunSpec.Argv) run, false));
    }

    /** The command to run for an automatic step, with the step's timeout. */
    public Command command(StepDef step) throws VariableException {
        return Command.shell(script(step.run())).withTimeout(step.timeout());
    }

    /** {@link #script} as the operator and the logs may see it: secret parameter values become {@code ***}. */
    public String display(RunSpec run) throws VariableException {
        if (run instanceof RunSpec.Script s) return Template.parse(s.script()).render(n -> ShellQuote.quote(shown(n)));
        return ShellQuote.join(words((RunSpec.Argv) run, true));
    }

    /** A template with values inserted raw: for regexes, limits and expected values. */
    public String text(String template) throws VariableException {
        return Template.parse(template).render(this::value);
    }

    /** The expectation with every regex, pointer, value and limit substituted. */
    public Expectation expectation(Expectation e) throws VariableException {
        List<Expectation.Match> matches = new ArrayList<>();
        for (Expectation.Match m : e.matches()) matches.add(match(m));
        List<Expectation.Match> notMatches = new ArrayList<>();
        for (Expectation.Match m : e.notMatches()) notMatches.add(match(m));
        Expectation.JsonCheck json = e.json() == null ? null : new Expectation.JsonCheck(
                text(e.json().pointer()), e.json().op(), e.json().value() == null ? null : text(e.json().value()));
        Expectation.Threshold t = e.threshold() == null ? null : new Expectation.Threshold(e.threshold().stream(),
                e.threshold().pattern() == null ? null : text(e.threshold().pattern()), e.threshold().op(),
                text(e.threshold().limit()));
        return new Expectation(e.exitCodes(), matches, notMatches, json, t, e.absent() == null ? null : match(e.absent()));
    }

    /** {@code text} with every secret parameter value replaced by {@code ***}, e.g. for output lines. */
    public String mask(String text) {
        String out = text;
        for (String secret : secrets) out = out.replace(secret, MASK);
        return out;
    }

    private Expectation.Match match(Expectation.Match m) throws VariableException {
        return new Expectation.Match(m.stream(), text(m.regex()));
    }

    private List<String> words(RunSpec.Argv argv, boolean masked) throws VariableException {
        List<String> out = new ArrayList<>();
        for (String word : argv.words()) {
            out.add(Template.parse(word).render(masked ? this::shown : this::value));
        }
        return out;
    }

    private String shown(String name) throws VariableException {
        String value = value(name);
        return secretNames.contains(name) ? MASK : value;
    }

    private String value(String name) throws VariableException {
        String value = values.get(name);
        if (value != null) return value;
        if (name.startsWith("backup.") && BUILTIN.contains(name)) {
            throw new VariableException("${" + name + "}: host \"" + hostName + "\" has no backup settings in fleet.json");
        }
        throw new VariableException("${" + name + "} is not a parameter of this task or a built-in variable");
    }
}

package dev.fleetdeck.task;

import dev.fleetdeck.task.StepDef.RunSpec;
import dev.fleetdeck.transport.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariablesTest {

    static final TaskDef TASK = new TaskDef("t", "T", null, Map.of(
            "x", new ParamDef("x", null, null, false, false),
            "token", new ParamDef("token", null, null, true, true)),
            List.of(), "test");

    static final List<String> HOSTILE = List.of("$(touch pwned)", "`touch pwned`", "it's \"quoted\"",
            "two\nlines", "a; touch pwned", "$HOME ${HOME} \\ * ? ~ & | > pwned", "", "-n", "'", "\"");

    @TempDir
    Path dir;

    static Variables vars(String x, String token) {
        return Variables.of(TASK, Hosts.CORTEX, Map.of("x", x, "token", token), "r-1");
    }

    @Test
    void hostileValuesComeOutLiterallyThroughARealShell() throws Exception {
        for (String value : HOSTILE) {
            String script = vars(value, "s").script(new RunSpec.Script("printf %s ${x}"));
            assertEquals(value, sh(script), script);
            String argv = vars(value, "s").script(new RunSpec.Argv(List.of("printf", "%s", "<${x}>")));
            assertEquals("<" + value + ">", sh(argv), argv);
        }
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void aValueNextToTextStaysOneWord() throws Exception {
        String script = vars("a b; touch pwned", "s").script(new RunSpec.Script("printf '[%s]' --opt=${x} \"Bearer \"${x}"));
        assertEquals("[--opt=a b; touch pwned][Bearer a b; touch pwned]", sh(script));
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void builtInVariables() throws Exception {
        Variables v = vars("", "s");
        assertEquals("cortex 10.0.0.5 2222 admin servers,gpu r-1",
                v.text("${host.name} ${host.address} ${host.port} ${host.user} ${host.tags} ${run.id}"));
        assertEquals("ssh://borg@nas/./cortex|cat /run/secrets/borg|nas|93600|7|4|6",
                v.text("${backup.repository}|${backup.passCommand}|${backup.job}|${backup.maxAge}|"
                        + "${backup.keepDaily}|${backup.keepWeekly}|${backup.keepMonthly}"));
    }

    @Test
    void backupVariablesOnAHostWithoutBackup() throws Exception {
        Variables v = Variables.of(TASK, Hosts.PLAIN, Map.of("token", "s"), "r");
        VariableException e = assertThrows(VariableException.class, () -> v.text("${backup.job}"));
        assertEquals("${backup.job}: host \"orion\" has no backup settings in fleet.json", e.getMessage());
        assertEquals("", v.text("${x}"));
    }

    @Test
    void scriptsQuoteArgvJoinsAndTextIsRaw() throws Exception {
        Variables v = vars("a b", "s");
        assertEquals("echo 'a b' $HOME ${lit}", v.script(new RunSpec.Script("echo ${x} $HOME $${lit}")));
        assertEquals("echo '--x=a b'", v.script(new RunSpec.Argv(List.of("echo", "--x=${x}"))));
        assertEquals("^a b$", v.text("^${x}$"));
    }

    @Test
    void displayMasksSecrets() throws Exception {
        Variables v = vars("plain", "hunter2");
        RunSpec script = new RunSpec.Script("curl -H \"Authorization: Bearer \"${token} ${x}");
        assertEquals("curl -H \"Authorization: Bearer \"hunter2 plain", v.script(script));
        assertEquals("curl -H \"Authorization: Bearer \"'***' plain", v.display(script));
        assertEquals("login '--token=***' plain", v.display(new RunSpec.Argv(List.of("login", "--token=${token}", "${x}"))));
        assertEquals("got *** and plain", v.mask("got hunter2 and plain"));
    }

    @Test
    void commandCarriesTheStepTimeout() throws Exception {
        StepDef step = new StepDef("s", "S", StepDef.Where.HOST, new RunSpec.Script("echo ${host.name}"),
                Expectation.EXIT_ZERO, Duration.ofSeconds(30), 0, Duration.ofSeconds(2), StepDef.Severity.FAIL,
                null, null, null, null);
        assertEquals(new Command("echo cortex", Duration.ofSeconds(30), false), vars("", "s").command(step));
    }

    @Test
    void expectationsAreSubstitutedRaw() throws Exception {
        Expectation e = new Expectation(null, List.of(new Expectation.Match(Expectation.Stream.STDOUT, "^${x}$")), List.of(),
                new Expectation.JsonCheck("/hosts/${host.name}", "==", "${x}"),
                new Expectation.Threshold(Expectation.Stream.STDOUT, null, ">=", "${x}"), null);
        Expectation s = vars("5GiB", "s").expectation(e);
        assertEquals("^5GiB$", s.matches().get(0).regex());
        assertEquals(new Expectation.JsonCheck("/hosts/cortex", "==", "5GiB"), s.json());
        assertEquals("5GiB", s.threshold().limit());
    }

    @Test
    void templateEscapesAndErrors() {
        assertEquals(List.of("a", "b.c"), Template.parse("${a}$${x}${b.c}$").variables());
        assertEquals("${x}", Template.parse("$${x}").fill(n -> "?"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("${a"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("${}"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("${a b}"));
    }

    /** Runs {@code script} with /bin/sh in the temp dir (so a stray "touch pwned" would land there). */
    private String sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}

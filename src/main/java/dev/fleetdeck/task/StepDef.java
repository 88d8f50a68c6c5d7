package dev.fleetdeck.task;

import java.time.Duration;
import java.util.List;

/**
 * One checklist step.
 *
 * @param where      {@link Where#HOST} runs over the host's transport, {@link Where#LOCAL} on this machine
 * @param run        what to run, or {@code null} for a manual step or an expansion
 * @param expect     what a passing result looks like (all parts must hold)
 * @param retries    extra attempts after a failed one
 * @param retryDelay wait between attempts
 * @param manual     instructions for a human, who confirms when done; {@code null} for automatic steps
 * @param when       run only if this holds, else the step is skipped; {@code null} = always
 * @param fix        a hint shown when the step fails
 * @param expand     a built-in expansion instead of {@code run}: {@code "health"} becomes one step per
 *                   health check of the host (fleet.json); {@code null} otherwise
 */
public record StepDef(String id, String title, Where where, RunSpec run, Expectation expect, Duration timeout,
                      int retries, Duration retryDelay, Severity severity, String manual, Condition when,
                      String fix, String expand) {

    public enum Where { HOST, LOCAL }

    public enum Severity { FAIL, WARN }

    /** A command template; {@code ${…}} variables are substituted before it runs. */
    public sealed interface RunSpec {
        /** Words of an argument vector; each word is quoted when the command line is built. */
        record Argv(List<String> words) implements RunSpec {
            public Argv {
                words = List.copyOf(words);
            }
        }

        /** A shell script run by {@code /bin/sh -c}; variables are inserted already shell-quoted. */
        record Script(String script) implements RunSpec {
        }
    }
}

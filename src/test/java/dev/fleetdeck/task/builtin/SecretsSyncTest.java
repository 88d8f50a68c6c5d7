package dev.fleetdeck.task.builtin;

import static dev.fleetdeck.task.StepStatus.FAILED;
import static dev.fleetdeck.task.StepStatus.PASSED;
import static dev.fleetdeck.task.StepStatus.SKIPPED;
import static dev.fleetdeck.task.StepStatus.WARNED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.testbed.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** secrets-sync: every step is local (the operator's flake and clones); the host only gives the run a target. */
class SecretsSyncTest {

    @RegisterExtension
    static final TestHosts hosts = new TestHosts();

    static Host target;

    @TempDir
    Path tmp;

    @BeforeAll
    static void host() {
        target = hosts.start().asHost("orion");
    }

    private BuiltinRun run(SecretsFixture f, boolean withClone) throws Exception {
        Map<String, String> params = withClone
                ? Map.of("flake", f.flake.toString(), "secretsDir", f.clone.toString())
                : Map.of("flake", f.flake.toString());
        return BuiltinRun.run(hosts, "secrets-sync", List.of(target), params, ManualConfirmer.NOBODY);
    }

    @Test
    void passesWhenTheLockPinsTheNewestCommitAndTheCloneIsInSync() throws Exception {
        SecretsFixture f = SecretsFixture.create(tmp);
        BuiltinRun run = run(f, true);
        run.expectAllPassedExcept("orion", Map.of());
        run.expect("orion", "locked", PASSED, "rev " + f.head());
        assertTrue(run.result.passed());
    }

    @Test
    void aNewerSecretsCommitThanTheLockFails() throws Exception {
        SecretsFixture f = SecretsFixture.create(tmp);
        String locked = f.head();
        String newer = f.commit("secrets.yaml", "rotated");
        BuiltinRun run = run(f, false);
        run.expect("orion", "remote", PASSED, newer);
        run.expectMessage("orion", "fresh", FAILED, "STALE: flake.lock pins " + locked.substring(0, 12)
                + ", remote is at " + newer.substring(0, 12));
        run.expect("orion", "clone-fetch", SKIPPED, null);
        assertFalse(run.result.passed());
    }

    @Test
    void aFailedFetchIsAFailureNotAWarning() throws Exception {
        SecretsFixture f = SecretsFixture.create(tmp);
        f.lock("file://" + tmp.resolve("no-such-repo"), f.head());
        BuiltinRun run = run(f, false);
        run.expect("orion", "locked", PASSED, null);
        run.expectMessage("orion", "remote", FAILED, "git ls-remote failed for " + tmp.resolve("no-such-repo"));
        run.expect("orion", "fresh", SKIPPED, null);
        assertFalse(run.result.passed());
    }

    @Test
    void aDirtyOrBehindCloneIsAWarning() throws Exception {
        SecretsFixture f = SecretsFixture.create(tmp);
        Files.writeString(f.clone.resolve("new-secret.yaml"), "token: ENC[...]\n");
        BuiltinRun run = run(f, true);
        run.expectMessage("orion", "clone-state", WARNED, "1 uncommitted change(s)");
        assertTrue(run.result.passed(), "a warning does not fail the run");

        String newer = f.commit("secrets.yaml", "rotated");
        f.lock("file://" + f.remote, newer);
        BuiltinRun behind = run(f, true);
        behind.expect("orion", "fresh", PASSED, null);
        behind.expect("orion", "clone-fetch", PASSED, "fetched origin/main");
        behind.expect("orion", "clone-state", WARNED, "1 commit(s) behind upstream");
    }

    @Test
    void aMissingInputFailsTheFirstStep() throws Exception {
        SecretsFixture f = SecretsFixture.create(tmp);
        BuiltinRun run = BuiltinRun.run(hosts, "secrets-sync", List.of(target),
                Map.of("flake", f.flake.toString(), "secretsInput", "sops-secrets"), ManualConfirmer.NOBODY);
        run.expectMessage("orion", "locked", FAILED, "no locked rev for input sops-secrets");
    }
}

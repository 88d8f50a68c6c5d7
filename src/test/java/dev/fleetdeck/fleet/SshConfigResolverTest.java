package dev.fleetdeck.fleet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the real, installed {@code ssh -G} against a temporary ssh_config. */
class SshConfigResolverTest {

    @TempDir
    Path dir;

    private Path key;
    private Environment env;

    @BeforeEach
    void realSshWithATempConfig() throws Exception {
        key = Files.writeString(dir.resolve("alice_key"), "not really a key");
        Path config = Fixtures.write(dir, "ssh_config", """
                Host myalias
                  HostName 127.0.0.9
                  Port 2299
                  User alice
                  IdentityFile %s
                Host lost
                  IdentityFile /nonexistent/key
                Host behind
                  HostName 10.9.9.9
                  ProxyJump bastion
                Host piped
                  ProxyCommand nc -X connect %%h %%p
                """.formatted(key));
        env = new Environment(Map.of("HOME", dir.toString(), "PATH", System.getenv("PATH")), dir,
                new SystemProcessRunner(), config);
        assumeTrue(new SshConfigResolver(env).available(), "ssh is not installed");
    }

    @Test
    void queryReadsWhatSshGPrints() throws Exception {
        Path plain = Fixtures.write(dir, "plain_config",
                "Host myalias\n HostName 127.0.0.9\n Port 2299\n User alice\n IdentityFile /tmp/x\n");
        Optional<SshConfig> c = new SshConfigResolver(env.withSshConfigFile(plain)).query("myalias", null, null);
        assertEquals(new SshConfig("127.0.0.9", 2299, "alice", List.of("/tmp/x"), null, null), c.orElseThrow());
    }

    @Test
    void explicitPortAndUserArePassedToSsh() throws Exception {
        SshConfig c = new SshConfigResolver(env).query("myalias", 2022, "bob").orElseThrow();
        assertEquals(2022, c.port());
        assertEquals("bob", c.user());
    }

    private Fleet load(String fleetJson) throws Exception {
        Fixtures.write(dir, "fleet.json", fleetJson);
        return new FleetLoader(env).load(Path.of("fleet.json"));
    }

    @Test
    void sshConfigFillsWhatFleetJsonLeavesOpen() throws Exception {
        Host box = load("{\"defaults\": {\"user\": \"deploy\", \"port\": 22}, \"hosts\": {\"box\": {\"address\": \"myalias\"}}}")
                .hosts().get(0);
        assertEquals("127.0.0.9", box.address(), "sshj needs the real HostName");
        assertEquals(2299, box.port(), "~/.ssh/config is more specific than fleet.json defaults");
        assertEquals("alice", box.user());
        assertEquals(List.of(key.toString()), box.identityFiles());
        assertEquals(TransportKind.SSHJ, box.transport());
    }

    @Test
    void theHostNameItselfCanBeTheAlias() throws Exception {
        assertEquals("127.0.0.9", load("{\"hosts\": {\"myalias\": {}}}").hosts().get(0).address());
    }

    @Test
    void fleetJsonHostFieldsWinOverSshConfig() throws Exception {
        Host box = load("{\"hosts\": {\"box\": {\"address\": \"myalias\", \"port\": 2022, \"user\": \"bob\", "
                + "\"identityFiles\": [\"/k/bob\"]}}}").hosts().get(0);
        assertEquals(2022, box.port());
        assertEquals("bob", box.user());
        assertEquals(List.of("/k/bob"), box.identityFiles());
        assertEquals("127.0.0.9", box.address());
    }

    @Test
    void sshsOwnDefaultsDoNotOverrideFleetDefaults() throws Exception {
        // ssh -G always prints a user (the local one) and port 22; neither is configuration.
        Host plain = load("{\"defaults\": {\"user\": \"deploy\", \"port\": 2200}, \"hosts\": {\"plain\": {\"address\": \"10.1.2.3\"}}}")
                .hosts().get(0);
        assertEquals("deploy", plain.user());
        assertEquals(2200, plain.port());
        assertEquals("10.1.2.3", plain.address());
        assertEquals(List.of(), plain.identityFiles(), "no default key exists in this HOME");
    }

    @Test
    void missingIdentityFilesAreDropped() throws Exception {
        Host lost = load("{\"defaults\": {\"identityFiles\": [\"/k/default\"]}, \"hosts\": {\"lost\": {}}}").hosts().get(0);
        assertEquals(List.of("/k/default"), lost.identityFiles());
    }

    @Test
    void proxiesSwitchToOpensshAndKeepTheAlias() throws Exception {
        Fixtures.write(dir, "fleet.json", "{\"hosts\": {\"behind\": {}, \"piped\": {\"transport\": \"sshj\"}, \"box\": {\"address\": \"myalias\"}}}");
        LoadedFleet loaded = new FleetLoader(env).read(Path.of("fleet.json"));
        Host behind = loaded.fleet().host("behind").orElseThrow();
        assertEquals(TransportKind.OPENSSH, behind.transport());
        assertEquals("bastion", behind.proxyJump());
        assertEquals("behind", behind.address(), "the system ssh applies the alias's settings itself");
        Host piped = loaded.fleet().host("piped").orElseThrow();
        assertEquals(TransportKind.OPENSSH, piped.transport());
        assertEquals("nc -X connect %h %p", piped.proxyJump());
        assertEquals(2, loaded.notes().size());
        assertTrue(loaded.notes().get(0).startsWith("behind: using transport openssh instead of sshj"), loaded.notes().toString());
    }

    @Test
    void localHostsAreNotResolved() throws Exception {
        Host me = load("{\"hosts\": {\"myalias\": {\"transport\": \"local\"}}}").hosts().get(0);
        assertEquals("myalias", me.address());
        assertEquals("root", me.user());
    }

    @Test
    void brokenSshConfigIsANoteNotAFailure() throws Exception {
        Path broken = Fixtures.write(dir, "broken_config", "Host x\n  NoSuchOption yes\n");
        Fixtures.write(dir, "fleet.json", "{\"hosts\": {\"a\": {}}}");
        LoadedFleet loaded = new FleetLoader(env.withSshConfigFile(broken)).read(Path.of("fleet.json"));
        assertEquals("a", loaded.fleet().hosts().get(0).address());
        assertEquals(1, loaded.notes().size(), loaded.notes().toString());
        assertTrue(loaded.notes().get(0).startsWith("a: ~/.ssh/config not applied: ssh -G a: "), loaded.notes().get(0));
    }

    @Test
    void withoutSshResolutionIsSkippedSilently() throws Exception {
        Fixtures.write(dir, "fleet.json", "{\"hosts\": {\"box\": {\"address\": \"myalias\"}}}");
        LoadedFleet loaded = new FleetLoader(Fixtures.offline(dir)).read(Path.of("fleet.json"));
        Host box = loaded.fleet().hosts().get(0);
        assertEquals("myalias", box.address());
        assertEquals(22, box.port());
        assertEquals(List.of(), loaded.notes());
    }

    @Test
    void hostsAreResolvedInParallel() throws Exception {
        int hosts = 6;
        Path ssh = Fixtures.fakeExecutable(dir, "ssh");
        // Each call waits until all hosts have started: one at a time would time out.
        CountDownLatch allStarted = new CountDownLatch(hosts);
        ProcessRunner fakeSsh = (command, workDir, timeout) -> {
            if (command.contains("/dev/null")) return new ProcessResult(0, "user me\nport 22\n", "");
            allStarted.countDown();
            try {
                if (!allStarted.await(5, TimeUnit.SECONDS)) return new ProcessResult(255, "", "not parallel");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            String destination = command.get(command.size() - 1);
            return new ProcessResult(0, "hostname " + destination + ".lan\nuser me\nport 22\n", "");
        };
        Environment parallel = new Environment(Map.of("HOME", dir.toString(), "PATH", ssh.getParent().toString()), dir,
                fakeSsh, null);
        List<HostSpec> specs = IntStream.range(0, hosts).mapToObj(i -> HostSpec.named("h" + i)).toList();

        SshResolution resolution = new SshConfigResolver(parallel).resolveAll(specs);

        assertEquals(List.of(), resolution.notes());
        assertEquals("h5.lan", resolution.layer("h5").address());
    }
}

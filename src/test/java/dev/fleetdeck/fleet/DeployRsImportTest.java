package dev.fleetdeck.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployRsImportTest {

    @TempDir
    Path dir;

    static final String NODES = """
            {
              "cortex": {
                "hostname": "10.0.0.99",
                "sshUser": "deploy",
                "user": "root",
                "sshOpts": ["-p", "2222", "-i", "keys/cortex", "-o", "StrictHostKeyChecking=no"],
                "profiles": { "system": { "path": "/nix/store/abc-activate", "user": "root" } },
                "profilesOrder": ["system"],
                "fastConnection": true, "autoRollback": true, "magicRollback": true,
                "confirmTimeout": 30, "activationTimeout": 240, "remoteBuild": false,
                "interactiveSudo": false, "tempPath": "/tmp", "sudo": "sudo -u"
              },
              "lyra": {
                "hostname": "lyra.lan",
                "user": "admin",
                "sshOpts": ["-p2022", "-o", "User=ops", "-J", "jump@bastion"],
                "profiles": ["system"]
              }
            }""";

    private Fleet load(String fleetJson) throws Exception {
        Fixtures.write(dir, "deploy-nodes.json", NODES);
        return Fixtures.load(dir, fleetJson);
    }

    @Test
    void nodesBecomeDeployRsHosts() throws Exception {
        Fleet fleet = load("{\"deployRs\": {\"file\": \"deploy-nodes.json\"}}");
        Host cortex = fleet.host("cortex").orElseThrow();
        assertEquals("10.0.0.99", cortex.address());
        assertEquals(2222, cortex.port());
        assertEquals("deploy", cortex.user());
        assertEquals(List.of(dir.resolve("keys/cortex").toString()), cortex.identityFiles());
        assertEquals(DeployEngine.DEPLOY_RS, cortex.engine());
        assertEquals(Duration.ofSeconds(30), cortex.confirmTimeout());
        assertEquals(TransportKind.SSHJ, cortex.transport());

        Host lyra = fleet.host("lyra").orElseThrow();
        assertEquals(2022, lyra.port());
        assertEquals("ops", lyra.user(), "-o User= in sshOpts beats user, as ssh takes the first value");
        assertEquals("jump@bastion", lyra.proxyJump());
        assertEquals(TransportKind.OPENSSH, lyra.transport(), "a jump host needs the openssh transport");
        assertEquals(Duration.ofSeconds(90), lyra.confirmTimeout());
    }

    @Test
    void fleetJsonHostsExtendNodesFieldByField() throws Exception {
        Fleet fleet = load("""
                {
                  "defaults": { "tags": ["fleet"] },
                  "hosts": {
                    "orion": {},
                    "cortex": { "port": 22, "tags": ["gpu"], "health": [ { "cmd": "true" } ] }
                  },
                  "deployRs": { "file": "deploy-nodes.json" }
                }""");
        assertEquals(List.of("orion", "cortex", "lyra"), fleet.hosts().stream().map(Host::name).toList(),
                "fleet.json order first, then nodes fleet.json does not mention");
        Host cortex = fleet.host("cortex").orElseThrow();
        assertEquals(22, cortex.port(), "fleet.json wins");
        assertEquals("10.0.0.99", cortex.address(), "the node fills what fleet.json leaves open");
        assertEquals("deploy", cortex.user());
        assertEquals(DeployEngine.DEPLOY_RS, cortex.engine());
        assertEquals(List.of("fleet", "gpu"), cortex.tags());
        assertEquals(1, cortex.health().size());
        assertEquals(DeployEngine.NIXOS_REBUILD, fleet.host("orion").orElseThrow().engine());
    }

    @Test
    void unknownNodeFieldIsReportedInTheNodesFile() throws Exception {
        Fixtures.write(dir, "deploy-nodes.json", "{\n  \"cortex\": {\n    \"hostnme\": \"x\"\n  }\n}");
        FleetConfigException e = Fixtures.loadError(dir, "{\"deployRs\": {\"file\": \"deploy-nodes.json\"}}");
        assertTrue(e.getMessage().startsWith("deploy-nodes.json:3:5: node \"cortex\": unknown field \"hostnme\"; did you mean \"hostname\"? (valid: activationTimeout,"),
                e.getMessage());
    }

    @Test
    void nodeWithoutHostname() throws Exception {
        Fixtures.write(dir, "deploy-nodes.json", "{\"cortex\": {\"profiles\": {}}}");
        FleetConfigException e = Fixtures.loadError(dir, "{\"deployRs\": {\"file\": \"deploy-nodes.json\"}}");
        assertEquals("deploy-nodes.json:1:12: node \"cortex\" has no \"hostname\"", e.getMessage());
    }

    @Test
    void duplicateNodeAndBadNodeName() throws Exception {
        Fixtures.write(dir, "deploy-nodes.json", "{\n  \"a\": {\"hostname\": \"h\"},\n  \"a\": {\"hostname\": \"h\"}\n}");
        assertEquals("deploy-nodes.json:3:3: duplicate node \"a\"",
                Fixtures.loadError(dir, "{\"deployRs\": {\"file\": \"deploy-nodes.json\"}}").getMessage());
        Fixtures.write(dir, "deploy-nodes.json", "{\"-a\": {\"hostname\": \"h\"}}");
        assertTrue(Fixtures.loadError(dir, "{\"deployRs\": {\"file\": \"deploy-nodes.json\"}}").getMessage()
                .startsWith("deploy-nodes.json:1:2: node \"-a\" is not a valid name"));
    }

    @Test
    void badPortInSshOptsPointsAtTheOption() throws Exception {
        Fixtures.write(dir, "deploy-nodes.json", "{\"a\": {\"hostname\": \"h\", \"sshOpts\": [\"-A\", \"-p\", \"ssh\"]}}");
        FleetConfigException e = Fixtures.loadError(dir, "{\"deployRs\": {\"file\": \"deploy-nodes.json\"}}");
        assertEquals("deploy-nodes.json:1:49: node \"a\": sshOpts[2] port \"ssh\" is not a number between 1 and 65535", e.getMessage());
    }

    @Test
    void missingNodesFilePointsAtDeployRsFile() throws Exception {
        FleetConfigException e = Fixtures.loadError(dir, "{\"deployRs\": {\"file\": \"nodes.json\"}}");
        assertEquals("fleet.json:1:23: deployRs: file \"nodes.json\" does not exist (looked at "
                + dir.resolve("nodes.json") + ")", e.getMessage());
    }

    @Test
    void flakeWithoutNixSaysToGiveAFile() throws Exception {
        FleetConfigException e = Fixtures.loadError(dir, "{\"deployRs\": {\"flake\": \".\"}}");
        assertEquals("fleet.json:1:24: deployRs: flake \".\" cannot be evaluated: nix not found; give deployRs.file "
                + "(the JSON of deploy.nodes) instead", e.getMessage());
    }

    @Test
    void flakeIsEvaluatedWithNixAndOnlyConnectionFields() throws Exception {
        Path nix = Fixtures.fakeExecutable(dir, "nix");
        List<List<String>> commands = new ArrayList<>();
        List<Path> workDirs = new ArrayList<>();
        ProcessRunner fakeNix = (command, workDir, timeout) -> {
            commands.add(command);
            workDirs.add(workDir);
            return new ProcessResult(0, "{\"cortex\":{\"hostname\":\"10.0.0.5\",\"sshUser\":\"deploy\",\"profiles\":[\"system\"]}}", "");
        };
        Environment env = new Environment(Map.of("HOME", dir.toString(), "PATH", nix.getParent().toString()), dir,
                fakeNix, null);
        Fixtures.write(dir, "fleet.json", "{\"deployRs\": {\"flake\": \".\"}}");

        Fleet fleet = new FleetLoader(env).load(Path.of("fleet.json"));

        assertEquals("10.0.0.5", fleet.host("cortex").orElseThrow().address());
        assertEquals(1, commands.size());
        List<String> command = commands.get(0);
        assertEquals(nix.toString(), command.get(0));
        int eval = command.indexOf("eval");
        assertEquals(List.of("eval", "--json", ".#deploy.nodes", "--apply"), command.subList(eval, eval + 4));
        String apply = command.get(eval + 4);
        for (String kept : List.of("hostname", "sshUser", "user", "sshOpts", "confirmTimeout")) {
            assertTrue(apply.contains(kept + " = "), "keeps " + kept + ": " + apply);
        }
        assertTrue(apply.contains("builtins.attrNames (node.profiles"), "profiles reduced to their names: " + apply);
        assertEquals(dir, workDirs.get(0), "a relative flake is relative to fleet.json");
    }

    @Test
    void failingNixEvalIsReportedAtTheFlake() throws Exception {
        Path nix = Fixtures.fakeExecutable(dir, "nix");
        ProcessRunner failing = (command, workDir, timeout) -> new ProcessResult(1, "",
                "warning: Git tree is dirty\nerror: flake 'path:/x' does not provide attribute 'deploy'\n");
        Environment env = new Environment(Map.of("HOME", dir.toString(), "PATH", nix.getParent().toString()), dir,
                failing, null);
        Fixtures.write(dir, "fleet.json", "{\"deployRs\": {\"flake\": \".\"}}");
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLoader(env).load(Path.of("fleet.json")));
        assertEquals("fleet.json:1:24: deployRs: flake \".\": nix eval failed (exit 1): "
                + "error: flake 'path:/x' does not provide attribute 'deploy'", e.getMessage());
    }

    @Test
    void badNixOutputIsReportedAsNixOutput() throws Exception {
        Path nix = Fixtures.fakeExecutable(dir, "nix");
        ProcessRunner fakeNix = (command, workDir, timeout) -> new ProcessResult(0, "{\"a\": {\"hostname\": 5}}", "");
        Environment env = new Environment(Map.of("HOME", dir.toString(), "PATH", nix.getParent().toString()), dir,
                fakeNix, null);
        Fixtures.write(dir, "fleet.json", "{\"deployRs\": {\"flake\": \"github:me/infra\"}}");
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLoader(env).load(Path.of("fleet.json")));
        assertEquals("nix eval github:me/infra#deploy.nodes:1:20: node \"a\": hostname is a number; expected a string",
                e.getMessage());
    }

    @Test
    void readsANodesFileOnItsOwn() throws Exception {
        Path file = Fixtures.write(dir, "nodes/deploy.json", NODES);
        List<HostSpec> specs = DeployRsNodes.read(file, Fixtures.offline(dir));
        assertEquals(List.of("cortex", "lyra"), specs.stream().map(HostSpec::name).toList());
        assertEquals(List.of(dir.resolve("nodes/keys/cortex").toString()), specs.get(0).identityFiles());
    }
}

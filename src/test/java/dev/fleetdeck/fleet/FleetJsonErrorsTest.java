package dev.fleetdeck.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.fleetdeck.fleet.Fixtures.loadError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Every way fleet.json can be wrong gives one line {@code file:line:col: what}, pointing at the culprit. */
class FleetJsonErrorsTest {

    @TempDir
    Path dir;

    private void assertError(String expected, String json) throws Exception {
        FleetConfigException e = loadError(dir, json);
        assertEquals(expected, e.getMessage());
        assertOneLineWithoutInternals(e.getMessage());
    }

    private void assertErrorStartsWith(String expectedPrefix, String json) throws Exception {
        FleetConfigException e = loadError(dir, json);
        assertTrue(e.getMessage().startsWith(expectedPrefix), () -> "got: " + e.getMessage());
        assertOneLineWithoutInternals(e.getMessage());
    }

    static void assertOneLineWithoutInternals(String message) {
        assertFalse(message.contains("\n"), message);
        for (String leak : new String[]{"jackson", "Exception", "java.", "JsonToken", "code 1", "Source:", "$"}) {
            assertFalse(message.contains(leak), () -> "leaks \"" + leak + "\": " + message);
        }
    }

    @Test
    void unknownFieldPointsAtTheKeyAndSuggestsTheRightOne() throws Exception {
        assertError("fleet.json:4:7: host \"cortex\": unknown field \"adress\"; did you mean \"address\"? (valid: "
                + "address, backup, confirmTimeout, engine, health, identityFiles, port, proxyJump, tags, transport, user)", """
                {
                  "hosts": {
                    "cortex": {
                      "adress": "10.0.0.5"
                    }
                  }
                }""");
    }

    @Test
    void unknownTopLevelField() throws Exception {
        assertError("fleet.json:2:3: unknown field \"host\"; did you mean \"hosts\"? (valid: defaults, deployRs, hosts)", """
                {
                  "host": {}
                }""");
    }

    @Test
    void unknownFieldInsideAHealthCheckNamesTheCheck() throws Exception {
        assertErrorStartsWith("fleet.json:3:41: host \"a\" health[0]: unknown field \"every\"", """
                {
                  "hosts": {
                    "a": { "health": [ { "cmd": "true", "every": "5s" } ] }
                  }
                }""");
    }

    @Test
    void duplicateHostPointsAtTheSecondOne() throws Exception {
        assertError("fleet.json:4:5: duplicate host \"orion\"", """
                {
                  "hosts": {
                    "orion": {},
                    "orion": {}
                  }
                }""");
    }

    @Test
    void duplicateFieldInsideAHost() throws Exception {
        assertError("fleet.json:3:29: host \"cortex\": duplicate field \"port\"", """
                {
                  "hosts": {
                    "cortex": { "port": 22, "port": 23 }
                  }
                }""");
    }

    @Test
    void portOutOfRangePointsAtTheNumber() throws Exception {
        assertError("fleet.json:4:15: host \"cortex\": port 70000 is outside 1..65535", """
                {
                  "hosts": {
                    "cortex": {
                      "port": 70000
                    }
                  }
                }""");
    }

    @Test
    void hugePortIsStillJustOutOfRange() throws Exception {
        assertError("fleet.json:2:25: defaults: port 99999999999999 is outside 1..65535", """
                {
                  "defaults": { "port": 99999999999999 },
                  "hosts": { "a": {} }
                }""");
    }

    @Test
    void portAsStringIsTheWrongKind() throws Exception {
        assertError("fleet.json:2:25: defaults: port is a string; expected a whole number between 1 and 65535", """
                {
                  "defaults": { "port": "22" },
                  "hosts": { "a": {} }
                }""");
    }

    @Test
    void badTransportListsTheValidOnes() throws Exception {
        assertError("fleet.json:4:20: host \"cortex\": transport \"ssh\" is not one of sshj, openssh, local", """
                {
                  "hosts": {
                    "cortex": {
                      "transport": "ssh"
                    }
                  }
                }""");
    }

    @Test
    void badEngineInDefaultsListsTheValidOnes() throws Exception {
        assertError("fleet.json:2:27: defaults: engine \"nixops\" is not one of nixos-rebuild, deploy-rs, colmena", """
                {
                  "defaults": { "engine": "nixops" },
                  "hosts": { "a": {} }
                }""");
    }

    @Test
    void badDurationSaysTheAcceptedForms() throws Exception {
        assertError("fleet.json:5:36: host \"cortex\" health[0]: period \"5x\" is not a duration "
                + "(use a number of seconds or e.g. 90s, 5m, 26h, 1h30m, 2d)", """
                {
                  "hosts": {
                    "cortex": {
                      "health": [
                        { "cmd": "true", "period": "5x" }
                      ]
                    }
                  }
                }""");
    }

    @Test
    void zeroDurationIsRejected() throws Exception {
        assertError("fleet.json:2:35: defaults: confirmTimeout must be longer than 0s", """
                {
                  "defaults": { "confirmTimeout": 0 },
                  "hosts": { "a": {} }
                }""");
    }

    @Test
    void stringWhereAListOfStringsBelongs() throws Exception {
        assertError("fleet.json:3:25: host \"cortex\": tags is a string; expected a list of strings", """
                {
                  "hosts": {
                    "cortex": { "tags": "gpu" }
                  }
                }""");
    }

    @Test
    void numberInsideAListOfStringsPointsAtTheItem() throws Exception {
        assertError("fleet.json:3:33: host \"cortex\": tags[1] is a number; expected a string", """
                {
                  "hosts": {
                    "cortex": { "tags": ["gpu", 5] }
                  }
                }""");
    }

    @Test
    void numberWhereAStringBelongsIsNotConverted() throws Exception {
        assertError("fleet.json:3:25: host \"cortex\": user is a number; expected a string", """
                {
                  "hosts": {
                    "cortex": { "user": 5 }
                  }
                }""");
    }

    @Test
    void hostThatIsNotAnObject() throws Exception {
        assertError("fleet.json:3:15: host \"cortex\" is a number; expected an object", """
                {
                  "hosts": {
                    "cortex": 5
                  }
                }""");
    }

    @Test
    void hostsThatIsAList() throws Exception {
        assertError("fleet.json:2:12: hosts is a list; expected an object", """
                {
                  "hosts": ["cortex"]
                }""");
    }

    @Test
    void topLevelList() throws Exception {
        assertError("fleet.json:1:1: the document is a list; expected an object", "[]");
    }

    @Test
    void statusOverflowIsOutOfRange() throws Exception {
        assertError("fleet.json:3:57: host \"a\" health[0]: status 99999999999 is out of range", """
                {
                  "hosts": {
                    "a": { "health": [ { "http": "http://a/", "status": 99999999999 } ] }
                  }
                }""");
    }

    @Test
    void trailingCommaInAnObject() throws Exception {
        assertError("fleet.json:3:29: trailing comma before \"}\" (JSON allows no comma after the last field)", """
                {
                  "hosts": {
                    "cortex": { "port": 22, }
                  }
                }""");
    }

    @Test
    void trailingCommaInAList() throws Exception {
        assertError("fleet.json:3:30: expected a value, found \"]\" (a trailing comma after the last item?)", """
                {
                  "hosts": {
                    "cortex": { "tags": ["a",] }
                  }
                }""");
    }

    @Test
    void unterminatedStringPointsAtItsStart() throws Exception {
        assertErrorStartsWith("fleet.json:3:25: unterminated string", """
                {
                  "hosts": {
                    "cortex": { "user": "root }
                  }
                }""");
    }

    @Test
    void unterminatedStringAtEndOfFile() throws Exception {
        assertError("fleet.json:1:26: unterminated string: missing closing \"", "{\"hosts\": {\"a\": {\"user\": \"ro");
    }

    @Test
    void missingClosingBrace() throws Exception {
        assertError("fleet.json:4:1: unexpected end of file: missing \"}\"", "{\n  \"hosts\": {\n    \"a\": {}\n");
    }

    @Test
    void missingComma() throws Exception {
        assertError("fleet.json:4:5: missing comma before this field", """
                {
                  "hosts": {
                    "a": {}
                    "b": {}
                  }
                }""");
    }

    @Test
    void unquotedFieldName() throws Exception {
        assertError("fleet.json:2:3: expected a field name in double quotes, found \"h\"", "{\n  hosts: {}\n}");
    }

    @Test
    void singleQuotes() throws Exception {
        assertError("fleet.json:1:11: strings must be in double quotes", "{\"hosts\": 'a'}");
    }

    @Test
    void comments() throws Exception {
        assertError("fleet.json:1:3: comments are not allowed in JSON", "{ // my fleet\n}");
    }

    @Test
    void misspelledLiteral() throws Exception {
        assertErrorStartsWith("fleet.json:1:11: unknown word \"nul\"", "{\"hosts\": nul}");
    }

    @Test
    void textAfterTheDocument() throws Exception {
        assertError("fleet.json:1:22: unexpected text after the end of the JSON document", "{\"hosts\": {\"a\": {}}} {}");
    }

    @Test
    void emptyFile() throws Exception {
        assertError("fleet.json:1:1: file is empty; expected a JSON object", "");
        assertError("fleet.json:1:1: file is empty; expected a JSON object", "  \n\n");
    }

    @Test
    void nullDocument() throws Exception {
        assertError("fleet.json:1:1: the document is null; expected an object", "null");
    }

    @Test
    void missingFile() {
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLoader(Fixtures.offline(dir)).load(Path.of("nope.json")));
        assertEquals("nope.json:1:1: file does not exist", e.getMessage());
    }

    @Test
    void directoryInsteadOfFile() throws Exception {
        Files.createDirectory(dir.resolve("fleet.json"));
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLoader(Fixtures.offline(dir)).load(Path.of("fleet.json")));
        assertEquals("fleet.json:1:1: is a directory, not a file", e.getMessage());
    }

    @Test
    void notUtf8() throws Exception {
        Files.write(dir.resolve("fleet.json"), new byte[]{'{', (byte) 0xff, '}'});
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLoader(Fixtures.offline(dir)).load(Path.of("fleet.json")));
        assertEquals("fleet.json:1:1: cannot read file: it is not UTF-8 text", e.getMessage());
    }

    @Test
    void unreadableFile() throws Exception {
        Path file = Fixtures.write(dir, "fleet.json", "{\"hosts\": {\"a\": {}}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLoader(Fixtures.offline(dir)).load(Path.of("fleet.json")));
        assertEquals("fleet.json:1:1: cannot read file: permission denied", e.getMessage());
    }

    @Test
    void fileOutsideTheWorkingDirectoryIsNamedAsGiven() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path file = Fixtures.write(elsewhere, "fleet.json", "{\"hosts\": {\"a\": {\"port\": 0}}}");
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        FleetConfigException e = assertThrows(FleetConfigException.class,
                () -> new FleetLoader(Fixtures.offline(cwd)).load(file));
        assertEquals(file + ":1:26: host \"a\": port 0 is outside 1..65535", e.getMessage());
    }

    @Test
    void invalidHostNamePointsAtTheName() throws Exception {
        assertError("fleet.json:3:5: host \"web 1\" is not a valid name (use letters, digits, \".\", \"_\" and \"-\", "
                + "starting with a letter or digit)", """
                {
                  "hosts": {
                    "web 1": {}
                  }
                }""");
    }

    @Test
    void allIsReservedForSelection() throws Exception {
        assertErrorStartsWith("fleet.json:1:12: host \"all\" is not allowed", "{\"hosts\": {\"all\": {}}}");
    }

    @Test
    void addressThatWouldBeAnSshOption() throws Exception {
        assertError("fleet.json:1:29: host \"a\": address \"-oProxyCommand=x\" must be one word that does not start "
                + "with \"-\"", "{\"hosts\": {\"a\": {\"address\": \"-oProxyCommand=x\"}}}");
    }

    @Test
    void tagWithAtSign() throws Exception {
        assertError("fleet.json:1:27: host \"a\": tags[0] \"@gpu\": write tags without \"@\"",
                "{\"hosts\": {\"a\": {\"tags\": [\"@gpu\"]}}}");
    }

    @Test
    void healthCheckWithoutCmdOrHttpPointsAtTheCheck() throws Exception {
        assertErrorStartsWith("fleet.json:4:9: host \"a\": health[1] needs \"cmd\"", """
                {
                  "hosts": {
                    "a": { "health": [ { "cmd": "true" },
                        { "description": "nothing" } ] }
                  }
                }""");
    }

    @Test
    void healthCheckWithBoth() throws Exception {
        assertError("fleet.json:1:29: host \"a\": health[0] has both \"cmd\" and \"http\"; give one",
                "{\"hosts\": {\"a\": {\"health\": [{\"cmd\": \"true\", \"http\": \"http://a/\"}]}}}");
    }

    @Test
    void statusOnACommandCheck() throws Exception {
        assertError("fleet.json:1:55: host \"a\" health[0]: status only applies to \"http\" checks",
                "{\"hosts\": {\"a\": {\"health\": [{\"cmd\": \"true\", \"status\": 200}]}}}");
    }

    @Test
    void httpCheckNeedsAnHttpUrl() throws Exception {
        assertError("fleet.json:1:38: host \"a\" health[0]: http \"ftp://a/\" is not an http:// or https:// URL",
                "{\"hosts\": {\"a\": {\"health\": [{\"http\": \"ftp://a/\"}]}}}");
    }

    @Test
    void backupWithoutRepository() throws Exception {
        assertError("fleet.json:1:28: host \"a\": backup needs \"repository\" (the Borg repository URL or path)",
                "{\"hosts\": {\"a\": {\"backup\": {\"job\": \"nas\"}}}}");
    }

    @Test
    void backupWithoutJob() throws Exception {
        assertErrorStartsWith("fleet.json:1:28: host \"a\": backup needs \"job\"",
                "{\"hosts\": {\"a\": {\"backup\": {\"repository\": \"/srv/borg\"}}}}");
    }

    @Test
    void negativeKeepCount() throws Exception {
        assertError("fleet.json:1:88: host \"a\" backup.keep: daily -1 is negative; use 0 or more",
                "{\"hosts\": {\"a\": {\"backup\": {\"repository\": \"/srv/borg\", \"job\": \"nas\", \"keep\": {\"daily\": -1}}}}}");
    }

    @Test
    void fileWithoutHostsOrDeployRs() throws Exception {
        assertError("fleet.json:1:1: the document has neither \"hosts\" nor \"deployRs\"; there is no host to manage",
                "{\"defaults\": {}}");
    }

    @Test
    void emptyHosts() throws Exception {
        assertError("fleet.json:1:11: hosts is empty; there is no host to manage", "{\"hosts\": {}}");
    }

    @Test
    void deployRsWithoutSource() throws Exception {
        assertError("fleet.json:1:34: deployRs needs \"file\" (JSON of deploy.nodes) or \"flake\" (evaluated with nix)",
                "{\"hosts\": {\"a\": {}}, \"deployRs\": {}}");
    }
}

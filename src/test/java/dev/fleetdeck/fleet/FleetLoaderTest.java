package dev.fleetdeck.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.fleetdeck.fleet.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FleetLoaderTest {

    @TempDir
    Path dir;

    /** The example of docs/fleet-json.md, minus the deploy-rs import (see DeployRsImportTest). */
    static final String EXAMPLE = """
            {
              "defaults": { "user": "root", "port": 22, "transport": "sshj", "engine": "nixos-rebuild",
                            "identityFiles": ["~/.ssh/id_ed25519"], "confirmTimeout": "90s", "tags": [] },
              "hosts": {
                "cortex": { "address": "10.0.0.5", "port": 22, "user": "root", "tags": ["servers", "gpu"],
                            "transport": "sshj", "engine": "deploy-rs",
                            "health": [ { "cmd": "systemctl is-active ollama", "description": "ollama up",
                                          "period": "5s", "timeout": "10s" },
                                        { "http": "http://10.0.0.5:11434/", "status": 200 } ],
                            "backup": { "repository": "ssh://borg@nas/./cortex", "passCommand": "cat /run/secrets/borg",
                                        "job": "nas", "maxAge": "26h", "keep": { "daily": 7, "weekly": 4, "monthly": 6 } } },
                "orion": { }
              }
            }""";

    @Test
    void loadsTheDocumentedExample() throws Exception {
        Fleet fleet = load(dir, EXAMPLE);

        assertEquals(dir.resolve("fleet.json"), fleet.source());
        assertEquals(List.of("cortex", "orion"), fleet.hosts().stream().map(Host::name).toList());
        String key = dir.resolve(".ssh/id_ed25519").toString();
        Host cortex = fleet.host("cortex").orElseThrow();
        assertEquals(new Host("cortex", "10.0.0.5", 22, "root", List.of("servers", "gpu"), TransportKind.SSHJ,
                DeployEngine.DEPLOY_RS, List.of(key), null,
                List.of(new HealthCheck.Cmd("ollama up", "systemctl is-active ollama", Duration.ofSeconds(5), Duration.ofSeconds(10)),
                        new HealthCheck.Http(null, "http://10.0.0.5:11434/", 200, Duration.ofSeconds(5), Duration.ofSeconds(10))),
                new Backup("ssh://borg@nas/./cortex", "cat /run/secrets/borg", "nas", Duration.ofHours(26), 7, 4, 6),
                Duration.ofSeconds(90)), cortex);
        assertEquals("GET http://10.0.0.5:11434/", cortex.health().get(1).description());
    }

    @Test
    void anEmptyHostGetsTheDefaultsAndItsNameAsAddress() throws Exception {
        Host orion = load(dir, EXAMPLE).host("orion").orElseThrow();
        assertEquals(new Host("orion", "orion", 22, "root", List.of(), TransportKind.SSHJ, DeployEngine.NIXOS_REBUILD,
                List.of(dir.resolve(".ssh/id_ed25519").toString()), null, List.of(), null, Duration.ofSeconds(90)), orion);
    }

    @Test
    void withoutDefaultsTheBuiltInsApply() throws Exception {
        Host a = load(dir, "{\"hosts\": {\"a\": {}}}").hosts().get(0);
        assertEquals(Host.of("a", "a", 22, "root"), a);
    }

    @Test
    void hostFieldsOverrideDefaultsAndTagsAddUp() throws Exception {
        Host web = load(dir, """
                {
                  "defaults": { "user": "deploy", "port": 2222, "transport": "openssh", "engine": "colmena",
                                "confirmTimeout": "2m", "tags": ["all-sites", "prod"], "identityFiles": ["/k/default"] },
                  "hosts": { "web": { "user": "admin", "tags": ["web", "prod"], "confirmTimeout": "1h30m",
                                      "identityFiles": ["keys/web"] } }
                }""").hosts().get(0);
        assertEquals("admin", web.user());
        assertEquals(2222, web.port());
        assertEquals(TransportKind.OPENSSH, web.transport());
        assertEquals(DeployEngine.COLMENA, web.engine());
        assertEquals(Duration.ofMinutes(90), web.confirmTimeout());
        assertEquals(List.of("all-sites", "prod", "web"), web.tags());
        // Relative key paths are relative to fleet.json's directory, not to the current directory.
        assertEquals(List.of(dir.resolve("keys/web").toString()), web.identityFiles());
    }

    @Test
    void durationsAcceptEveryDocumentedForm() throws Exception {
        Fleet fleet = load(dir, """
                {"hosts": {
                  "a": {"confirmTimeout": 45},
                  "b": {"confirmTimeout": "5m"},
                  "c": {"confirmTimeout": "26h"},
                  "d": {"confirmTimeout": "1h30m"},
                  "e": {"confirmTimeout": "120"}
                }}""");
        assertEquals(List.of(Duration.ofSeconds(45), Duration.ofMinutes(5), Duration.ofHours(26), Duration.ofMinutes(90),
                Duration.ofSeconds(120)), fleet.hosts().stream().map(Host::confirmTimeout).toList());
    }

    @Test
    void healthAndBackupDefaults() throws Exception {
        Host a = load(dir, """
                {"hosts": {"a": {
                  "health": [ { "cmd": "true" }, { "http": "https://a.example/health" } ],
                  "backup": { "repository": "/srv/borg", "job": "local" }
                }}}""").hosts().get(0);
        assertEquals(new HealthCheck.Cmd("true", "true", Duration.ofSeconds(5), Duration.ofSeconds(10)), a.health().get(0));
        assertEquals(200, ((HealthCheck.Http) a.health().get(1)).expectStatus());
        assertEquals(new Backup("/srv/borg", null, "local", Duration.ofHours(26), 0, 0, 0), a.backup());
    }

    @Test
    void anExplicitProxyJumpSwitchesSshjToOpensshWithANote() throws Exception {
        Fixtures.write(dir, "fleet.json", "{\"hosts\": {\"db\": {\"proxyJump\": \"bastion\"}, \"web\": {}}}");
        LoadedFleet loaded = new FleetLoader(Fixtures.offline(dir)).read(Path.of("fleet.json"));
        Host db = loaded.fleet().host("db").orElseThrow();
        assertEquals(TransportKind.OPENSSH, db.transport());
        assertEquals("bastion", db.proxyJump());
        assertEquals(TransportKind.SSHJ, loaded.fleet().host("web").orElseThrow().transport());
        assertEquals(1, loaded.notes().size());
        assertEquals("db: using transport openssh instead of sshj, which cannot go through the proxy \"bastion\"",
                loaded.notes().get(0));
    }

    @Test
    void nullFieldsMeanUnset() throws Exception {
        Host a = load(dir, "{\"defaults\": {\"user\": \"deploy\"}, \"hosts\": {\"a\": {\"user\": null, \"backup\": null}}}")
                .hosts().get(0);
        assertEquals("deploy", a.user());
        assertNull(a.backup());
    }

    @Test
    void locateAndReadUsesTheLocator() throws Exception {
        Fixtures.write(dir, ".config/fleetdeck/fleet.json", "{\"hosts\": {\"from-xdg\": {}}}");
        LoadedFleet loaded = new FleetLoader(Fixtures.offline(dir)).locateAndRead(null);
        assertEquals("from-xdg", loaded.fleet().hosts().get(0).name());
    }
}

package dev.fleetdeck.fleet;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Finds the deploy-rs nodes JSON that fleet.json's {@code deployRs} points at: a file, or {@code nix eval}. */
final class DeployRsSource {

    /**
     * Applied to {@code deploy.nodes} so that {@code nix eval} only touches connection settings and profile
     * names: a profile's {@code path} is a system closure, and forcing it would evaluate (or build) the world.
     */
    static final String NODES_APPLY = "nodes: builtins.mapAttrs (_: node: "
            + "builtins.intersectAttrs { hostname = null; sshUser = null; user = null; sshOpts = null; confirmTimeout = null; } node"
            + " // { profiles = builtins.attrNames (node.profiles or { }); }) nodes";

    /** Fetching flake inputs can take a while on a cold cache. */
    static final Duration NIX_TIMEOUT = Duration.ofMinutes(5);

    private final Environment env;

    DeployRsSource(Environment env) {
        this.env = env;
    }

    /** The nodes document; errors about where to get it point at fleet.json's {@code deployRs}. */
    JsonDocument open(FleetJson.DeployRs config, JsonDocument fleetDoc, PathExpander paths) throws ConfigException {
        JsonPath at = JsonPath.of("deployRs");
        if (config.file() != null) {
            Path file = Path.of(paths.expand(config.file()));
            if (!Files.isRegularFile(file)) {
                throw fleetDoc.problem(at.field("file"), "\"" + config.file() + "\" does not exist (looked at " + file + ")");
            }
            return JsonDocument.read(file, env.shown(file), FleetJsonMapper.MAPPER, FleetJsonMapper.DEPLOY_RS_NODES);
        }
        JsonPath flakeAt = at.field("flake");
        String flake = config.flake();
        Optional<Path> nix = env.findExecutable("nix");
        if (nix.isEmpty()) {
            throw fleetDoc.problem(flakeAt, "\"" + flake + "\" cannot be evaluated: nix not found; give deployRs.file "
                    + "(the JSON of deploy.nodes) instead");
        }
        ProcessResult result;
        try {
            result = env.processes().run(nixEvalCommand(nix.get().toString(), flake), paths.baseDir(), NIX_TIMEOUT);
        } catch (IOException e) {
            throw fleetDoc.problem(flakeAt, "\"" + flake + "\" cannot be evaluated: " + e.getMessage());
        }
        if (result.exitCode() != 0) {
            throw fleetDoc.problem(flakeAt, "\"" + flake + "\": nix eval failed (exit " + result.exitCode() + "): "
                    + result.errorSummary());
        }
        return JsonDocument.of("nix eval " + flake + "#deploy.nodes", result.stdout(), FleetJsonMapper.MAPPER,
                FleetJsonMapper.DEPLOY_RS_NODES);
    }

    static List<String> nixEvalCommand(String nix, String flake) {
        return List.of(nix, "--extra-experimental-features", "nix-command flakes",
                "eval", "--json", flake + "#deploy.nodes", "--apply", NODES_APPLY);
    }
}

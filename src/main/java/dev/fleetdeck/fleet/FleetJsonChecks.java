package dev.fleetdeck.fleet;

import dev.fleetdeck.json.ConfigException;
import dev.fleetdeck.json.JsonDocument;
import dev.fleetdeck.json.JsonPath;

import dev.fleetdeck.fleet.FleetJson.BackupEntry;
import dev.fleetdeck.fleet.FleetJson.Defaults;
import dev.fleetdeck.fleet.FleetJson.HealthEntry;
import dev.fleetdeck.fleet.FleetJson.HostEntry;
import dev.fleetdeck.fleet.FleetJson.Keep;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/** The rules of fleet.json that a JSON binder cannot express, each reported at the value that breaks it. */
final class FleetJsonChecks {

    private final JsonDocument doc;

    FleetJsonChecks(JsonDocument doc) {
        this.doc = doc;
    }

    void check(FleetJson fleet) throws ConfigException {
        if (fleet.hosts() == null && fleet.deployRs() == null) {
            throw doc.problem(JsonPath.ROOT, "has neither \"hosts\" nor \"deployRs\"; there is no host to manage");
        }
        if (fleet.defaults() != null) defaults(fleet.defaults(), JsonPath.of("defaults"));
        if (fleet.hosts() != null) {
            for (Map.Entry<String, HostEntry> e : fleet.hosts().entrySet()) {
                host(e.getKey(), e.getValue(), JsonPath.of("hosts", e.getKey()));
            }
        }
        if (fleet.deployRs() != null) deployRs(fleet.deployRs(), JsonPath.of("deployRs"));
    }

    private void defaults(Defaults d, JsonPath at) throws ConfigException {
        word(d.user(), at.field("user"));
        tags(d.tags(), at.field("tags"));
        files(d.identityFiles(), at.field("identityFiles"));
    }

    private void host(String name, HostEntry h, JsonPath at) throws ConfigException {
        hostName(doc, name, at);
        if (h == null) throw doc.problem(at, "is null; expected an object ({} for a host with only defaults)");
        word(h.address(), at.field("address"));
        word(h.user(), at.field("user"));
        word(h.proxyJump(), at.field("proxyJump"));
        tags(h.tags(), at.field("tags"));
        files(h.identityFiles(), at.field("identityFiles"));
        if (h.health() != null) {
            for (int i = 0; i < h.health().size(); i++) health(h.health().get(i), at.field("health").index(i));
        }
        if (h.backup() != null) backup(h.backup(), at.field("backup"));
    }

    /** Shared with deploy-rs nodes, whose names become host names too. */
    static void hostName(JsonDocument doc, String name, JsonPath at) throws ConfigException {
        if (!Names.valid(name)) throw doc.problemAtKey(at, "is not a valid name (" + Names.RULE + ")");
        if (name.equals("all")) throw doc.problemAtKey(at, "is not allowed: \"all\" selects every host");
    }

    private void health(HealthEntry h, JsonPath at) throws ConfigException {
        if (h == null) throw doc.problem(at, "is null; expected an object with \"cmd\" or \"http\"");
        if (h.cmd() == null && h.http() == null) {
            throw doc.problem(at, "needs \"cmd\" (a command run on the host) or \"http\" (a URL fetched from here)");
        }
        if (h.cmd() != null && h.http() != null) throw doc.problem(at, "has both \"cmd\" and \"http\"; give one");
        if (h.cmd() != null && h.cmd().isBlank()) throw doc.problem(at.field("cmd"), "is empty");
        if (h.cmd() != null && h.status() != null) {
            throw doc.problem(at.field("status"), "only applies to \"http\" checks");
        }
        if (h.http() != null && !isHttpUrl(h.http())) {
            throw doc.problem(at.field("http"), "\"" + h.http() + "\" is not an http:// or https:// URL");
        }
        if (h.status() != null && (h.status() < 100 || h.status() > 599)) {
            throw doc.problem(at.field("status"), h.status() + " is not an HTTP status (100..599)");
        }
    }

    private void backup(BackupEntry b, JsonPath at) throws ConfigException {
        if (b.repository() == null || b.repository().isBlank()) {
            throw doc.problem(at, "needs \"repository\" (the Borg repository URL or path)");
        }
        if (b.job() == null || !Names.valid(b.job())) {
            throw doc.problem(b.job() == null ? at : at.field("job"),
                    b.job() == null ? "needs \"job\" (the NixOS services.borgbackup.jobs name)"
                            : "\"" + b.job() + "\" is not a valid job name (" + Names.RULE + ")");
        }
        if (b.passCommand() != null && b.passCommand().isBlank()) {
            throw doc.problem(at.field("passCommand"), "is empty");
        }
        Keep k = b.keep();
        if (k != null) {
            count(k.daily(), at.field("keep").field("daily"));
            count(k.weekly(), at.field("keep").field("weekly"));
            count(k.monthly(), at.field("keep").field("monthly"));
        }
    }

    private void deployRs(FleetJson.DeployRs d, JsonPath at) throws ConfigException {
        if (d.flake() == null && d.file() == null) {
            throw doc.problem(at, "needs \"file\" (JSON of deploy.nodes) or \"flake\" (evaluated with nix)");
        }
        if (d.flake() != null && d.flake().isBlank()) throw doc.problem(at.field("flake"), "is empty");
        if (d.file() != null && d.file().isBlank()) throw doc.problem(at.field("file"), "is empty");
    }

    private void word(String value, JsonPath at) throws ConfigException {
        if (value != null && !Names.validWord(value)) {
            throw doc.problem(at, "\"" + value + "\" must be one word that does not start with \"-\"");
        }
    }

    private void tags(List<String> tags, JsonPath at) throws ConfigException {
        if (tags == null) return;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag.startsWith("@")) throw doc.problem(at.index(i), "\"" + tag + "\": write tags without \"@\"");
            if (!Names.valid(tag)) throw doc.problem(at.index(i), "\"" + tag + "\" is not a valid tag (" + Names.RULE + ")");
        }
    }

    private void files(List<String> files, JsonPath at) throws ConfigException {
        if (files == null) return;
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).isBlank()) throw doc.problem(at.index(i), "is empty");
        }
    }

    private void count(Integer value, JsonPath at) throws ConfigException {
        if (value != null && value < 0) throw doc.problem(at, value + " is negative; use 0 or more");
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

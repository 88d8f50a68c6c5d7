package dev.fleetdeck.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetdeck.task.StepStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * run.json, written field by field so the file format is this code and not whatever a mapper derives from
 * the records (docs/history.md). Instants and durations are ISO-8601 strings: they read back exactly.
 * Front ends use {@link #tree} for their JSON output, so it matches the file.
 */
public final class RunJson {

    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunJson() {
    }

    static byte[] encode(RunRecord r) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(r)).concat("\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
        }
    }

    /** The run as run.json holds it (with the status as read, e.g. interrupted). */
    public static ObjectNode tree(RunRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("runId", r.runId());
        o.put("task", r.taskId());
        o.put("title", r.title());
        ArrayNode hosts = o.putArray("hosts");
        r.hosts().forEach(hosts::add);
        o.put("status", r.status().id());
        o.put("startedAt", text(r.startedAt()));
        o.put("finishedAt", text(r.finishedAt()));
        o.put("user", r.user());
        ObjectNode params = o.putObject("params");
        r.params().forEach(params::put);
        ObjectNode owner = o.putObject("owner");
        owner.put("pid", r.owner().pid());
        owner.put("startedAt", text(r.owner().startedAt()));
        ObjectNode steps = o.putObject("steps");
        r.steps().forEach((host, list) -> {
            ArrayNode arr = steps.putArray(host);
            list.forEach(s -> arr.add(step(s)));
        });
        return o;
    }

    private static ObjectNode step(StepRecord s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", s.id());
        o.put("title", s.title());
        o.put("manual", s.manual());
        o.put("status", s.status().name().toLowerCase(Locale.ROOT));
        o.put("attempt", s.attempt());
        o.put("startedAt", text(s.startedAt()));
        o.put("finishedAt", text(s.finishedAt()));
        o.put("duration", s.duration() == null ? null : s.duration().toString());
        o.put("exitCode", s.exitCode());
        o.put("message", s.message());
        o.put("fix", s.fix());
        o.put("where", s.where());
        o.put("command", s.command());
        return o;
    }

    /** @throws IOException when the bytes are not a run.json this version understands */
    static RunRecord decode(byte[] bytes) throws IOException {
        JsonNode o = MAPPER.readTree(bytes);
        if (o == null || !o.isObject()) throw new IOException("not a JSON object");
        try {
            int format = o.path("format").asInt(-1);
            if (format != FORMAT) throw new IOException("unknown format " + o.path("format"));
            List<String> hosts = new ArrayList<>();
            required(o, "hosts").forEach(h -> hosts.add(h.asText()));
            Map<String, String> params = new LinkedHashMap<>();
            o.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            Map<String, List<StepRecord>> steps = new LinkedHashMap<>();
            required(o, "steps").properties().forEach(e -> {
                List<StepRecord> list = new ArrayList<>();
                e.getValue().forEach(s -> list.add(step(s)));
                steps.put(e.getKey(), list);
            });
            JsonNode owner = required(o, "owner");
            return new RunRecord(string(o, "runId"), string(o, "task"), nullable(o, "title"), hosts, steps, params,
                    nullable(o, "user"), instant(o, "startedAt"), instant(o, "finishedAt"),
                    RunStatus.fromId(string(o, "status")),
                    new RunOwner(required(owner, "pid").asLong(), instant(owner, "startedAt")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static StepRecord step(JsonNode s) {
        String duration = nullable(s, "duration");
        JsonNode exit = s.path("exitCode");
        return new StepRecord(string(s, "id"), nullable(s, "title"), s.path("manual").asBoolean(),
                StepStatus.valueOf(string(s, "status").toUpperCase(Locale.ROOT)), s.path("attempt").asInt(),
                instant(s, "startedAt"), instant(s, "finishedAt"), duration == null ? null : Duration.parse(duration),
                exit.isIntegralNumber() ? exit.asInt() : null, nullable(s, "message"), nullable(s, "fix"),
                nullable(s, "where"), nullable(s, "command"));
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("missing \"" + field + "\"");
        return v;
    }

    private static String string(JsonNode o, String field) {
        return required(o, field).asText();
    }

    private static String nullable(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode o, String field) {
        String v = nullable(o, field);
        return v == null ? null : Instant.parse(v);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}

package dev.fleetdeck.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeck.json.JsonPath;
import dev.fleetdeck.json.StrictJson;
import dev.fleetdeck.json.Vocabulary;

/** The strict mapper for fleet.json and deploy-rs nodes, and how their messages name places. */
final class FleetJsonMapper {

    static final ObjectMapper MAPPER = StrictJson.builder().addModule(new FleetJsonModule()).build();

    /** fleet.json keeps hosts under {@code hosts} and says {@code host "cortex"}. */
    static final Vocabulary FLEET = new Vocabulary(JsonPath.of("hosts"), "host");
    /** A deploy-rs nodes file keeps nodes at the top and says {@code node "cortex"}. */
    static final Vocabulary DEPLOY_RS_NODES = new Vocabulary(JsonPath.ROOT, "node");

    private FleetJsonMapper() {
    }
}

package dev.fleetdeck.fleet;

import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.fleetdeck.json.IdDeserializer;

/** fleet.json's own value types and their user-facing errors: ports, transport and engine ids, profiles. */
final class FleetJsonModule extends SimpleModule {

    FleetJsonModule() {
        super("fleetdeck-fleet");
        addDeserializer(Port.class, new PortDeserializer());
        addDeserializer(TransportKind.class,
                new IdDeserializer<>(TransportKind.class, TransportKind.values(), TransportKind::id));
        addDeserializer(DeployEngine.class,
                new IdDeserializer<>(DeployEngine.class, DeployEngine.values(), DeployEngine::id));
        addDeserializer(ProfileNames.class, new ProfileNamesDeserializer());
    }
}

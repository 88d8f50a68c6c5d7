package dev.fleetdeck.fleet;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;

import java.time.Duration;

/** Our value types and their user-facing errors: ports, durations, transport and engine ids, string lists. */
final class FleetJsonModule extends SimpleModule {

    FleetJsonModule() {
        super("fleetdeck");
        addDeserializer(Port.class, new PortDeserializer());
        addDeserializer(Duration.class, new DurationDeserializer());
        addDeserializer(TransportKind.class,
                new IdDeserializer<>(TransportKind.class, TransportKind.values(), TransportKind::id));
        addDeserializer(DeployEngine.class,
                new IdDeserializer<>(DeployEngine.class, DeployEngine.values(), DeployEngine::id));
        addDeserializer(ProfileNames.class, new ProfileNamesDeserializer());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new StringLists());
    }

    /** Every {@code List<String>} field gets the strict reader, whatever the field. */
    private static final class StringLists extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
                BeanDescription beanDesc, TypeDeserializer elementTypeDeserializer,
                JsonDeserializer<?> elementDeserializer) {
            return type.getContentType().hasRawClass(String.class) ? new StringListDeserializer() : null;
        }
    }
}

package dev.fleetdeck.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.time.Duration;

/**
 * The strict mapper settings for fleetdeck's JSON inputs: a value of the wrong kind is an error, never
 * converted; duplicate and unknown keys are errors; durations and string lists get user-facing errors.
 * Each kind of file adds its own module for its own value types.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // "22" for a number or 5 for a user name is more likely a mistake than a wish.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new CommonValues());
    }

    /** Durations and strict string lists, for every kind of file. */
    private static final class CommonValues extends SimpleModule {

        CommonValues() {
            super("fleetdeck-common");
            addDeserializer(Duration.class, new DurationDeserializer());
        }

        @Override
        public void setupModule(SetupContext context) {
            super.setupModule(context);
            context.addDeserializers(new StringLists());
        }
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

package dev.fleetdeck.fleet;

import dev.fleetdeck.json.FieldProblem;
import dev.fleetdeck.json.StringListDeserializer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * deploy-rs {@code profiles}: the real object (names to profile settings) or the list of names that our
 * {@code nix eval --apply} produces so that no profile gets evaluated.
 */
final class ProfileNamesDeserializer extends StdDeserializer<ProfileNames> {

    ProfileNamesDeserializer() {
        super(ProfileNames.class);
    }

    @Override
    public ProfileNames deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        List<String> names = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_OBJECT) {
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                names.add(name);
                p.nextToken();
                p.skipChildren();
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            return new ProfileNames(new StringListDeserializer().deserialize(p, ctxt));
        } else {
            throw FieldProblem.wrongKind(p, "an object of profiles or a list of profile names");
        }
        return new ProfileNames(names);
    }
}

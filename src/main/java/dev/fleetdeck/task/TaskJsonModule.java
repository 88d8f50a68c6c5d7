package dev.fleetdeck.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.fleetdeck.json.FieldProblem;
import dev.fleetdeck.json.IdDeserializer;
import dev.fleetdeck.json.StringListDeserializer;
import dev.fleetdeck.task.Expectation.Stream;
import dev.fleetdeck.task.StepDef.RunSpec;
import dev.fleetdeck.task.StepDef.Severity;
import dev.fleetdeck.task.StepDef.Where;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Task files' own value types: {@code run} as script or argv, and the lower-case ids of the enums. */
final class TaskJsonModule extends SimpleModule {

    /** The statuses a condition can ask about: those a step can end with while the run goes on. */
    static final StepStatus[] CONDITION_STATUSES = {
        StepStatus.PASSED, StepStatus.WARNED, StepStatus.FAILED, StepStatus.ABSENT, StepStatus.SKIPPED};

    TaskJsonModule() {
        super("fleetdeck-task");
        addDeserializer(RunSpec.class, new RunDeserializer());
        addDeserializer(Where.class, new IdDeserializer<>(Where.class, Where.values(), TaskJsonModule::lower));
        addDeserializer(Severity.class, new IdDeserializer<>(Severity.class, Severity.values(), TaskJsonModule::lower));
        addDeserializer(Stream.class, new IdDeserializer<>(Stream.class, Stream.values(), TaskJsonModule::streamId));
        addDeserializer(StepStatus.class, new IdDeserializer<>(StepStatus.class, CONDITION_STATUSES, TaskJsonModule::lower));
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** "output" reads better than "any" in a task file: either stream. */
    static String streamId(Stream s) {
        return s == Stream.ANY ? "output" : lower(s);
    }

    /** A string is a shell script; a list of strings is an argument vector. */
    private static final class RunDeserializer extends StdDeserializer<RunSpec> {

        RunDeserializer() {
            super(RunSpec.class);
        }

        @Override
        public RunSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) return new RunSpec.Script(p.getText());
            if (p.currentToken() == JsonToken.START_ARRAY) {
                List<String> words = new StringListDeserializer().deserialize(p, ctxt);
                return new RunSpec.Argv(words);
            }
            throw FieldProblem.wrongKind(p, "a shell script (a string) or a list of argument words");
        }
    }
}

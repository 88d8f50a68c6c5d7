package dev.fleetdeck.task;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskParamsTest {

    static TaskDef withToken() {
        Map<String, ParamDef> params = new LinkedHashMap<>();
        params.put("minNixFree", new ParamDef("minNixFree", null, "5GiB", false, false));
        params.put("token", new ParamDef("token", "the API\ntoken", null, true, true));
        params.put("note", new ParamDef("note", null, null, false, false));
        return new TaskDef("preflight", "Pre-flight", null, params, List.of(), "test");
    }

    @Test
    void defaultsApplyAndGivenValuesWin() throws Exception {
        assertEquals(Map.of("minNixFree", "5GiB", "token", "t"), TaskParams.bind(withToken(), Map.of("token", "t")));
        assertEquals(List.of("minNixFree", "token", "note"),
                List.copyOf(TaskParams.bind(withToken(), Map.of("note", "", "token", "t", "minNixFree", "1GiB")).keySet()));
    }

    @Test
    void unknownParameterListsTheValidOnes() {
        TaskParamException e = assertThrows(TaskParamException.class, () -> TaskParams.bind(withToken(), Map.of("tokn", "x")));
        assertEquals("task \"preflight\" has no parameter \"tokn\"; did you mean \"token\"? (parameters: minNixFree, token, note)",
                e.getMessage());
    }

    @Test
    void aTaskWithoutParameters() {
        TaskDef bare = new TaskDef("t", "T", null, Map.of(), List.of(), "test");
        assertEquals("task \"t\" takes no parameters (got \"x\")",
                assertThrows(TaskParamException.class, () -> TaskParams.bind(bare, Map.of("x", "1"))).getMessage());
    }

    @Test
    void missingRequiredParameter() {
        TaskParamException e = assertThrows(TaskParamException.class, () -> TaskParams.bind(withToken(), Map.of()));
        assertEquals("task \"preflight\" needs parameter \"token\" (--param token=VALUE): the API token", e.getMessage());
    }
}

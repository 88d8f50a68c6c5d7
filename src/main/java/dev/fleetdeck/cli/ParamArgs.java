package dev.fleetdeck.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code NAME=VALUE} command-line parameters, in the order given; a later NAME wins. */
final class ParamArgs {

    private ParamArgs() {
    }

    static Map<String, String> parse(String option, List<String> args) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new CliFailure(ExitCodes.USAGE, option + " needs NAME=VALUE, got \"" + a + "\"");
            params.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return params;
    }
}

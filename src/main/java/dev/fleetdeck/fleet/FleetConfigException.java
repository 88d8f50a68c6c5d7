package dev.fleetdeck.fleet;

import dev.fleetdeck.json.ConfigException;

/** Something wrong with the fleet definition: fleet.json, a deploy-rs nodes file, or finding them. */
public final class FleetConfigException extends ConfigException {

    public FleetConfigException(String source, int line, int column, String problem) {
        super(source, line, column, problem);
    }

    public FleetConfigException(String problem) {
        super(problem);
    }

    /** The same problem as a fleet problem, for the fleet API's callers. */
    static FleetConfigException of(ConfigException e) {
        if (e instanceof FleetConfigException f) return f;
        FleetConfigException f = e.source() == null ? new FleetConfigException(e.problem())
                : new FleetConfigException(e.source(), e.line(), e.column(), e.problem());
        f.initCause(e);
        return f;
    }
}

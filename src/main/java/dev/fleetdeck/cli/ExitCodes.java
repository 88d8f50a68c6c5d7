package dev.fleetdeck.cli;

/** The exit codes every headless command keeps to. */
final class ExitCodes {

    /** Everything passed. */
    static final int OK = 0;
    /** A host failed, was unreachable, a check failed, or a deploy rolled back. */
    static final int FAILED = 1;
    /** Bad usage or configuration: nothing was run. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}

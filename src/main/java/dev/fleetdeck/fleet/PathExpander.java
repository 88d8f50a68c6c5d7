package dev.fleetdeck.fleet;

import java.nio.file.Path;

/**
 * Makes key file paths usable as written: {@code ~/} means the home directory, and a relative path is
 * relative to the file that mentions it (fleet.json's directory), not to wherever fleetdeck was started.
 */
record PathExpander(Path home, Path baseDir) {

    String expand(String path) {
        if (path.equals("~")) return home.toString();
        if (path.startsWith("~/")) return home.resolve(path.substring(2)).toString();
        Path p = Path.of(path);
        return p.isAbsolute() ? path : baseDir.resolve(p).normalize().toString();
    }
}

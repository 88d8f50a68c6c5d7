package dev.fleetdeck.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The connection settings {@code ssh -G} prints for one destination, after all of ssh's config matching.
 * Proxy values of {@code none} are read as unset.
 *
 * @param identityFiles as printed, in order ({@code ~} not yet expanded)
 */
public record SshConfig(String hostname, Integer port, String user, List<String> identityFiles, String proxyJump,
                        String proxyCommand) {

    public SshConfig {
        identityFiles = List.copyOf(identityFiles);
    }

    /** Reads {@code ssh -G} output: one {@code key value} per line, keys in lower case. */
    public static SshConfig parse(String output) {
        String hostname = null;
        Integer port = null;
        String user = null;
        List<String> identityFiles = new ArrayList<>();
        String proxyJump = null;
        String proxyCommand = null;
        for (String line : output.lines().toList()) {
            int space = line.indexOf(' ');
            if (space < 0) continue;
            String key = line.substring(0, space).toLowerCase(Locale.ROOT);
            String value = line.substring(space + 1).strip();
            switch (key) {
                case "hostname" -> hostname = value;
                case "port" -> port = portOrNull(value);
                case "user" -> user = value;
                case "identityfile" -> identityFiles.add(value);
                case "proxyjump" -> proxyJump = noneIsNull(value);
                case "proxycommand" -> proxyCommand = noneIsNull(value);
                default -> { }
            }
        }
        return new SshConfig(hostname, port, user, identityFiles, proxyJump, proxyCommand);
    }

    private static Integer portOrNull(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String noneIsNull(String value) {
        return value.isEmpty() || value.equalsIgnoreCase("none") ? null : value;
    }
}

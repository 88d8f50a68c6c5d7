package dev.fleetdeck.fleet;

import java.util.List;
import java.util.Map;

/**
 * What ~/.ssh/config adds to a fleet.
 *
 * @param layers               per host name, a spec holding only what the ssh config itself sets
 *                             ({@code address} is the resolved {@code HostName}; {@code proxyJump} the ProxyJump,
 *                             or the ProxyCommand when there is no ProxyJump)
 * @param defaultIdentityFiles ssh's standard key files that exist, tried when nothing names a key
 * @param notes                why some hosts could not be resolved
 */
public record SshResolution(Map<String, HostSpec> layers, List<String> defaultIdentityFiles, List<String> notes) {

    public SshResolution {
        layers = Map.copyOf(layers);
        defaultIdentityFiles = List.copyOf(defaultIdentityFiles);
        notes = List.copyOf(notes);
    }

    /** Nothing resolved, e.g. because ssh is not installed. */
    public static SshResolution none() {
        return new SshResolution(Map.of(), List.of(), List.of());
    }

    public HostSpec layer(String hostName) {
        return layers.getOrDefault(hostName, HostSpec.named(hostName));
    }
}

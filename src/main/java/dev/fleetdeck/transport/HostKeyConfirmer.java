package dev.fleetdeck.transport;

/**
 * Asked when a host presents a key that known_hosts does not have. Answering true records the key; the
 * answer must come from a human who compared the fingerprint, never from a blanket "--yes".
 */
@FunctionalInterface
public interface HostKeyConfirmer {

    boolean trust(UnknownHostKey key);

    /** The safe default for unattended runs: never trust a new key. */
    HostKeyConfirmer REFUSE = key -> false;

    /**
     * @param knownHostsName the name as known_hosts writes it ({@code host} or {@code [host]:port})
     * @param keyType        e.g. {@code ssh-ed25519}
     * @param fingerprint    {@code SHA256:<base64>} as {@code ssh-keygen -lf} prints it
     */
    record UnknownHostKey(String knownHostsName, String keyType, String fingerprint) {
    }
}

package dev.fleetdeck.fleet;

/** How fleetdeck reaches a host. */
public enum TransportKind {
    /** In-process SSH (sshj): one reused connection per host, agent and key-file auth. */
    SSHJ("sshj"),
    /** The system {@code ssh} client in BatchMode: for ProxyCommand/ProxyJump and FIDO keys without an agent. */
    OPENSSH("openssh"),
    /** The machine fleetdeck runs on, without SSH. */
    LOCAL("local");

    private final String id;

    TransportKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TransportKind fromId(String id) {
        for (TransportKind k : values()) if (k.id.equals(id)) return k;
        throw new IllegalArgumentException("unknown transport '" + id + "' (expected sshj, openssh or local)");
    }
}

package dev.fleetdeck.fleet;

/** The tool that builds and activates a host's new generation. */
public enum DeployEngine {
    NIXOS_REBUILD("nixos-rebuild"),
    DEPLOY_RS("deploy-rs"),
    COLMENA("colmena");

    private final String id;

    DeployEngine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DeployEngine fromId(String id) {
        for (DeployEngine e : values()) if (e.id.equals(id)) return e;
        throw new IllegalArgumentException("unknown engine '" + id + "' (expected nixos-rebuild, deploy-rs or colmena)");
    }
}

package dev.fleetdeck.deploy;

/** What activation does with the new generation, as nixos-rebuild names it. */
public enum Goal {
    /** Make it the boot default and activate it now: guarded. */
    SWITCH("switch", true),
    /** Activate it now without touching the boot default: guarded (a reboot also undoes it). */
    TEST("test", true),
    /** Make it the boot default only: nothing changes until a reboot, so there is nothing to guard. */
    BOOT("boot", false),
    /** Print what activation would do: nothing changes, nothing to guard. */
    DRY_ACTIVATE("dry-activate", false);

    private final String id;
    private final boolean guarded;

    Goal(String id, boolean guarded) {
        this.id = id;
        this.guarded = guarded;
    }

    public String id() {
        return id;
    }

    /** True when the running system changes, so a rollback guard must be armed first. */
    public boolean guarded() {
        return guarded;
    }

    /** True when the system profile moves to the new generation. */
    public boolean setsProfile() {
        return this == SWITCH || this == BOOT;
    }

    public static Goal fromId(String id) {
        for (Goal g : values()) if (g.id.equals(id)) return g;
        throw new IllegalArgumentException("unknown goal '" + id + "' (expected switch, test, boot or dry-activate)");
    }
}

package dev.fleetdeck.ui;

/** A keymap or theme file is wrong; the message starts with {@code file:line:column:} where possible. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}

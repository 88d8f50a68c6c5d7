package dev.fleetdeck.task;

/**
 * A task parameter ({@code --param name=value}).
 *
 * @param defaultValue used when not given; {@code null} with {@code required} means it must be given
 * @param secret       its value is never written to history, logs or the command log (shown as ***)
 */
public record ParamDef(String name, String description, String defaultValue, boolean required, boolean secret) {
}

package dev.fleetdeck.fleet;

/** A TCP port as written in JSON; {@link PortDeserializer} only builds valid ones. */
record Port(int value) {
}

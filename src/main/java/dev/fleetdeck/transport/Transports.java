package dev.fleetdeck.transport;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.transport.ssh.OpenSshTransport;
import dev.fleetdeck.transport.ssh.SshjTransport;

/** Picks the transport a host asks for. */
public final class Transports {

    private Transports() {
    }

    public static Transport open(Host host, SshSettings settings) {
        return switch (host.transport()) {
            case SSHJ -> new SshjTransport(host, settings);
            case OPENSSH -> new OpenSshTransport(host, settings);
            case LOCAL -> new LocalTransport();
        };
    }
}

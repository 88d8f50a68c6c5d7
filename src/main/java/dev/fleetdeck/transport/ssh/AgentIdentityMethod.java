package dev.fleetdeck.transport.ssh;

import dev.fleetdeck.transport.agent.AgentAuthMethod;
import dev.fleetdeck.transport.agent.AgentClient;
import dev.fleetdeck.transport.agent.AgentException;
import dev.fleetdeck.transport.agent.AgentIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.userauth.method.AuthMethod;

/** One ssh-agent identity as an sshj auth method, with a label for error messages. */
record AgentIdentityMethod(AuthMethod method, String label) {

    /** The agent's identities, or none when there is no agent (a problem is noted when it cannot be used). */
    static List<AgentIdentityMethod> fromAgent(AgentClient agent, List<String> problems) {
        if (agent == null) return List.of();
        try {
            List<AgentIdentityMethod> out = new ArrayList<>();
            for (AgentIdentity id : agent.identities()) {
                out.add(new AgentIdentityMethod(new AgentAuthMethod(agent, id), "agent key " + id.label()));
            }
            return out;
        } catch (AgentException e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    static AgentClient client(Path socket) {
        return socket == null ? null : new AgentClient(socket);
    }
}

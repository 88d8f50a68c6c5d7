package dev.fleetdeck.transport.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.schmizz.sshj.userauth.method.AuthMethod;

/** Turns an agent's keys into sshj auth methods: {@code ssh.auth(user, AgentAuth.methods(agent))}. */
public final class AgentAuth {

    private AgentAuth() {
    }

    /** One {@link AgentAuthMethod} per agent identity, in the agent's order. */
    public static List<AuthMethod> methods(AgentClient agent) throws AgentException {
        return methods(agent, id -> { });
    }

    /**
     * As {@link #methods(AgentClient)}, calling {@code beforeSign} when a server has accepted a key and the agent
     * is about to sign with it (the moment to say "touch your security key").
     */
    public static List<AuthMethod> methods(AgentClient agent, Consumer<AgentIdentity> beforeSign)
            throws AgentException {
        List<AuthMethod> methods = new ArrayList<>();
        for (AgentIdentity id : agent.identities()) {
            methods.add(new AgentAuthMethod(agent, id, beforeSign));
        }
        return methods;
    }
}

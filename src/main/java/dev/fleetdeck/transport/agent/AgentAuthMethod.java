package dev.fleetdeck.transport.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.AuthParams;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj "publickey" authentication (RFC 4252 §7) with one ssh-agent identity; the private key never leaves the
 * agent. Like OpenSSH, it first asks the server whether the key is acceptable and has the agent sign only after
 * {@code SSH_MSG_USERAUTH_PK_OK}, so a security key is only touched for a server that will accept it.
 *
 * <p>RSA keys are offered as {@code rsa-sha2-512}, then {@code rsa-sha2-256}, never as SHA-1 {@code ssh-rsa}
 * (OpenSSH ≥ 8.8 refuses that). sshj 0.40 ignores the server's {@code server-sig-algs}, so the fallback is a retry
 * when the server declines the first algorithm. Every other key type signs as its own type name.
 *
 * <p>The agent is asked to sign on sshj's transport thread while {@code SSHClient.auth} waits at most
 * {@code Transport.getTimeoutMs()} for each method's outcome. If a signature may wait for a touch, raise that
 * timeout above {@link AgentClient#signTimeout()} while authenticating, or sshj gives up before the human does
 * (and the late signed request can still log the session in on the server: close such a connection).
 */
public final class AgentAuthMethod extends AbstractAuthMethod {

    private static final String CERT_SUFFIX = "-cert-v01@openssh.com";

    private final AgentClient agent;
    private final AgentIdentity identity;
    private final Consumer<AgentIdentity> beforeSign;
    private final List<String> algorithms;
    /** Index into {@link #algorithms} for the current attempt; guarded by sshj's userauth lock. */
    private int attempt;

    public AgentAuthMethod(AgentClient agent, AgentIdentity identity) {
        this(agent, identity, id -> { });
    }

    /**
     * @param beforeSign called (on sshj's transport thread) when the server has accepted the key and the agent is
     *                   about to sign, e.g. to show "touch your security key"; must neither block nor throw
     */
    public AgentAuthMethod(AgentClient agent, AgentIdentity identity, Consumer<AgentIdentity> beforeSign) {
        super("publickey");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.beforeSign = Objects.requireNonNull(beforeSign, "beforeSign");
        this.algorithms = algorithmsFor(identity.keyType());
    }

    public AgentIdentity identity() {
        return identity;
    }

    /** The public key algorithm names this method offers, in order. */
    static List<String> algorithmsFor(String keyType) {
        if (keyType.equals("ssh-rsa")) {
            return List.of("rsa-sha2-512", "rsa-sha2-256");
        }
        if (keyType.equals("ssh-rsa" + CERT_SUFFIX)) {
            return List.of("rsa-sha2-512" + CERT_SUFFIX, "rsa-sha2-256" + CERT_SUFFIX);
        }
        return List.of(keyType);
    }

    /** The agent flag that makes an RSA key sign with {@code algorithm}; 0 for every other algorithm. */
    static int signFlags(String algorithm) {
        if (algorithm.startsWith("rsa-sha2-512")) {
            return AgentClient.SSH_AGENT_RSA_SHA2_512;
        }
        if (algorithm.startsWith("rsa-sha2-256")) {
            return AgentClient.SSH_AGENT_RSA_SHA2_256;
        }
        return 0;
    }

    /** The exact data a publickey signature covers (RFC 4252 §7). */
    static byte[] dataToSign(byte[] sessionId, String user, String service, String algorithm, byte[] keyBlob) {
        return new AgentMessages.Writer()
                .string(sessionId)
                .u8(AgentMessages.SSH_MSG_USERAUTH_REQUEST)
                .string(user)
                .string(service)
                .string("publickey")
                .bool(true)
                .string(algorithm)
                .string(keyBlob)
                .bytes();
    }

    @Override
    public void init(AuthParams params) {
        super.init(params);
        attempt = 0; // sshj may reuse a method for another authenticate() call
    }

    /** The query (no signature) that {@link #request()} sends. */
    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq()
                .putBoolean(signed)
                .putString(algorithm())
                .putString(identity.blob());
    }

    private String algorithm() {
        return algorithms.get(attempt);
    }

    /** The server declined this algorithm (or key); try the next RSA algorithm, if any. */
    @Override
    public boolean shouldRetry() {
        return ++attempt < algorithms.size();
    }

    @Override
    public void handle(Message msg, SSHPacket buf) throws UserAuthException, TransportException {
        if (msg != Message.USERAUTH_60) { // in "publickey" auth, 60 is SSH_MSG_USERAUTH_PK_OK
            super.handle(msg, buf);
            return;
        }
        String algorithm = algorithm();
        checkPkOk(buf, algorithm);
        beforeSign.accept(identity);
        byte[] signature;
        try {
            byte[] data = dataToSign(params.getTransport().getSessionID(), params.getUsername(),
                    params.getNextServiceName(), algorithm, identity.blob());
            signature = agent.sign(identity, data, signFlags(algorithm));
        } catch (AgentException e) {
            throw new UserAuthException(e.getMessage(), e);
        }
        checkSignatureAlgorithm(signature, algorithm);
        // The agent's answer already is an SSH signature blob (string algorithm, string signature[, …]).
        params.getTransport().write(request(true).putString(signature));
    }

    /** PK_OK echoes the algorithm and key; anything else means we and the server disagree about the request. */
    private void checkPkOk(SSHPacket buf, String algorithm) throws UserAuthException {
        try {
            String okAlgorithm = buf.readString();
            byte[] okBlob = buf.readStringAsBytes();
            if (okAlgorithm.equals(algorithm) && Arrays.equals(okBlob, identity.blob())) {
                return;
            }
        } catch (Buffer.BufferException e) {
            throw new UserAuthException("malformed SSH_MSG_USERAUTH_PK_OK from server", e);
        }
        throw new UserAuthException("server's SSH_MSG_USERAUTH_PK_OK names another key than " + identity.label());
    }

    /**
     * An agent that ignores the RSA flags answers with a SHA-1 {@code ssh-rsa} signature, which the server would
     * reject with a bare "failure"; say why instead.
     */
    private void checkSignatureAlgorithm(byte[] signature, String algorithm) throws UserAuthException {
        if (signFlags(algorithm) == 0) {
            return; // other key types: the blob stays opaque
        }
        String expected = algorithm.endsWith(CERT_SUFFIX)
                ? algorithm.substring(0, algorithm.length() - CERT_SUFFIX.length()) : algorithm;
        String got = AgentMessages.keyType(signature);
        if (!expected.equals(got)) {
            throw new UserAuthException("ssh-agent signed with " + got + " instead of " + expected
                    + " for " + identity.label() + " (agent too old for rsa-sha2?)");
        }
    }

    @Override
    public String toString() {
        return "publickey via ssh-agent: " + identity.label();
    }
}

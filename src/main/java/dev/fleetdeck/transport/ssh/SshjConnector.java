package dev.fleetdeck.transport.ssh;

import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.transport.SshSettings;
import dev.fleetdeck.transport.TransportException;
import dev.fleetdeck.transport.TransportException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.fleetdeck.transport.agent.AgentClient;
import dev.fleetdeck.transport.agent.AgentException;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/** Opens and authenticates an sshj connection to one host, turning every failure into one clear line. */
final class SshjConnector {

    private final Host host;
    private final SshSettings settings;

    SshjConnector(Host host, SshSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    SshjConnection connect() throws TransportException {
        DefaultConfig config = new DefaultConfig();
        // Only KEEP_ALIVE counts unanswered requests and kills a dead connection; the default heartbeat never does.
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        KeepAlive keepAlive = client.getConnection().getKeepAlive();
        keepAlive.setKeepAliveInterval(settings.keepAliveInterval());
        if (keepAlive instanceof KeepAliveRunner runner) runner.setMaxAliveCount(settings.keepAliveMaxCount());
        int timeoutMs = (int) settings.connectTimeout().toMillis();
        client.setConnectTimeout(timeoutMs);
        client.getTransport().setTimeoutMs(timeoutMs);
        KnownHostsVerifier verifier = new KnownHostsVerifier(settings.knownHosts(), settings.confirmer());
        client.addHostKeyVerifier(verifier);
        long start = System.nanoTime();
        try {
            client.connect(host.address(), host.port());
        } catch (IOException e) {
            closeQuietly(client);
            throw connectFailure(e, verifier);
        }
        try {
            authenticate(client);
        } catch (TransportException e) {
            closeQuietly(client);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        SshjConnection live = new SshjConnection(client, took);
        client.getTransport().setDisconnectListener((reason, message) -> live.died(message));
        return live;
    }

    private void authenticate(SSHClient client) throws TransportException {
        List<String> tried = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<AuthMethod> methods = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        AgentClient agent = AgentIdentityMethod.client(settings.agentSocket());
        for (AgentIdentityMethod m : AgentIdentityMethod.fromAgent(agent, problems)) {
            methods.add(m.method());
            labels.add(m.label());
        }
        int agentKeys = methods.size();
        boolean agentEmpty = agent != null && agentKeys == 0 && problems.isEmpty(); // reachable, no keys
        List<Path> keyFiles = settings.identitiesFor(host.identityFiles());
        for (Path key : keyFiles) {
            KeyProvider provider = loadKey(client, key, problems);
            if (provider != null) {
                methods.add(new AuthPublickey(provider));
                labels.add(key.toString());
            }
        }
        int normalWait = (int) settings.connectTimeout().toMillis();
        // A security key may wait for a touch while sshj waits for the auth answer: agent keys get the agent's time.
        int agentWait = agent == null ? normalWait : (int) Math.max(normalWait, agent.signTimeout().toMillis() + 5_000);
        for (int i = 0; i < methods.size(); i++) {
            tried.add(labels.get(i));
            client.getTransport().setTimeoutMs(i < agentKeys ? agentWait : normalWait);
            try {
                client.auth(host.user(), methods.get(i));
                client.getTransport().setTimeoutMs(normalWait);
                return;
            } catch (UserAuthException e) {
                String why = agentReason(e);
                if (why != null) problems.add(why);
                // A timed-out attempt may still log in late on the server: never continue on this connection.
                if (isTimeout(e)) break;
            } catch (net.schmizz.sshj.transport.TransportException e) {
                throw new TransportException(Kind.CONNECTION_LOST,
                        host.name() + ": connection lost during authentication: " + e.getMessage(), e);
            }
        }
        String detail = tried.isEmpty() ? "no identities to offer" + nothingOffered(agent == null, agentEmpty,
                keyFiles.isEmpty()) : "server refused " + String.join(", ", tried);
        if (!problems.isEmpty()) detail += "; " + String.join("; ", problems);
        throw new TransportException(Kind.AUTH_FAILED,
                host.name() + ": authentication failed for " + host.user() + "@" + host.address() + ": " + detail);
    }

    /** Why nothing was offered, as far as no problem already says it: " (no agent, no key files)" or "". */
    private static String nothingOffered(boolean noAgent, boolean agentEmpty, boolean noKeyFiles) {
        List<String> why = new ArrayList<>();
        if (noAgent) why.add("no agent");
        if (agentEmpty) why.add("ssh-agent holds no keys");
        if (noKeyFiles) why.add("no key files");
        return why.isEmpty() ? "" : " (" + String.join(", ", why) + ")";
    }

    private static String agentReason(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof AgentException) return t.getMessage();
        }
        return null;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || (t.getMessage() != null && t.getMessage().contains("Timeout expired"))) return true;
        }
        return false;
    }

    /** Loads and, if encrypted, unlocks a key now, so a wrong passphrase is reported as such. */
    private KeyProvider loadKey(SSHClient client, Path key, List<String> problems) {
        if (!Files.isReadable(key)) {
            problems.add("key file " + key + " is missing or unreadable");
            return null;
        }
        CountingPasswordFinder finder = new CountingPasswordFinder(key.toString());
        try {
            KeyProvider provider = client.loadKeys(key.toString(), finder);
            provider.getPrivate();
            return provider;
        } catch (IOException | RuntimeException e) {
            if (finder.asked() > 0 && !finder.gaveUp()) {
                problems.add("wrong passphrase for " + key);
            } else if (finder.asked() > 0 || finder.gaveUp()) {
                problems.add("no passphrase given for encrypted key " + key);
            } else {
                problems.add("cannot read key " + key + ": " + e.getMessage());
            }
            return null;
        } finally {
            finder.wipe();
        }
    }

    private TransportException connectFailure(IOException e, KnownHostsVerifier verifier) {
        String endpoint = host.user() + "@" + host.address() + ":" + host.port();
        switch (verifier.verdict()) {
            case CHANGED -> {
                String name = KnownHostsVerifier.knownHostsName(host.address(), host.port());
                return new TransportException(Kind.HOST_KEY_CHANGED, host.name() + ": REMOTE HOST IDENTIFICATION HAS "
                        + "CHANGED for " + name + ": it now offers " + verifier.presentedType() + " "
                        + verifier.presentedFingerprint() + ", which " + settings.knownHosts()
                        + " does not list for it. Someone could be eavesdropping (man-in-the-middle), or the host "
                        + "was reinstalled. Refusing to connect. If the change is expected: ssh-keygen -R '"
                        + name + "'");
            }
            case UNKNOWN_REFUSED -> {
                String name = KnownHostsVerifier.knownHostsName(host.address(), host.port());
                return new TransportException(Kind.HOST_KEY_UNKNOWN, host.name() + ": host key of " + name
                        + " is not known (" + verifier.presentedType() + " " + verifier.presentedFingerprint()
                        + ") and was not confirmed; verify the fingerprint and trust it interactively "
                        + "(fleetdeck trust " + host.name() + ") or with ssh");
            }
            case REVOKED -> {
                return new TransportException(Kind.HOST_KEY_CHANGED, host.name() + ": host key "
                        + verifier.presentedFingerprint() + " is marked @revoked in " + settings.knownHosts());
            }
            case UNREADABLE -> {
                return new TransportException(Kind.CONFIG, host.name() + ": cannot read or write "
                        + settings.knownHosts());
            }
            default -> {
            }
        }
        Throwable root = rootCause(e);
        if (root instanceof ConnectException) {
            return new TransportException(Kind.UNREACHABLE, host.name() + ": connection refused by " + endpoint, e);
        }
        if (root instanceof SocketTimeoutException || root instanceof java.util.concurrent.TimeoutException) {
            return new TransportException(Kind.UNREACHABLE, host.name() + ": no answer from " + endpoint
                    + " within " + settings.connectTimeout().toSeconds() + " s", e);
        }
        if (root instanceof UnknownHostException) {
            return new TransportException(Kind.UNREACHABLE, host.name() + ": unknown host name " + host.address(), e);
        }
        if (root instanceof NoRouteToHostException) {
            return new TransportException(Kind.UNREACHABLE, host.name() + ": no route to " + endpoint, e);
        }
        return new TransportException(Kind.UNREACHABLE, host.name() + ": cannot connect to " + endpoint + ": "
                + oneLine(root.getMessage()), e);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // nothing to release
        }
    }

    /** Asks the operator's {@link dev.fleetdeck.transport.PassphraseProvider}, up to three times. */
    private final class CountingPasswordFinder implements PasswordFinder {
        private final String file;
        private int asked;
        private boolean gaveUp;
        private char[] last;

        CountingPasswordFinder(String file) {
            this.file = file;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            wipe();
            asked++;
            last = settings.passphrases().passphrase(file, asked);
            if (last == null) {
                gaveUp = true;
                return null;
            }
            return last.clone();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return !gaveUp && asked < 3;
        }

        int asked() {
            return asked;
        }

        boolean gaveUp() {
            return gaveUp;
        }

        void wipe() {
            if (last != null) java.util.Arrays.fill(last, '\0');
        }
    }
}

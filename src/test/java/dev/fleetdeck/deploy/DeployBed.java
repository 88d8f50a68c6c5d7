package dev.fleetdeck.deploy;

import dev.fleetdeck.fleet.DeployEngine;
import dev.fleetdeck.fleet.HealthCheck;
import dev.fleetdeck.fleet.Host;
import dev.fleetdeck.task.RunEvent;
import dev.fleetdeck.task.TaskCatalog;
import dev.fleetdeck.task.TaskDef;
import dev.fleetdeck.demo.SimulatedDeploy;
import dev.fleetdeck.demo.SimulatedNixos;
import dev.fleetdeck.testbed.TestHost;
import dev.fleetdeck.testbed.TestHosts;
import dev.fleetdeck.transport.SshSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Simulated NixOS hosts made deployable, a workstation with the engines' stand-ins, and a deployer for them. */
public final class DeployBed implements AutoCloseable {

    public static final Duration CONFIRM = Duration.ofSeconds(6);

    public final TestHosts hosts;
    public final Path dir;
    public final SimulatedDeploy.Workstation ws;
    public final List<SimulatedDeploy> sims = new ArrayList<>();
    public final List<Host> fleet = new ArrayList<>();
    public final List<RunEvent> events = new CopyOnWriteArrayList<>();

    public DeployBed(TestHosts hosts, Path dir) {
        this.hosts = hosts;
        this.dir = dir;
        this.ws = new SimulatedDeploy.Workstation(dir.resolve("ws"));
    }

    /** Adds a simulated host named {@code name} with a cmd and an http health check. */
    public SimulatedDeploy add(String name, boolean netns) {
        TestHost t = netns ? hosts.startInNetns() : hosts.start();
        SimulatedDeploy sim = SimulatedDeploy.install(t, SimulatedNixos.install(t));
        sims.add(sim);
        Host h = t.asHost(name);
        List<HealthCheck> health = List.of(
                new HealthCheck.Cmd("api", "systemctl is-active api.service", Duration.ofMillis(300), Duration.ofSeconds(5)),
                new HealthCheck.Http("api-http", sim.httpHealthUrl(), 200, Duration.ofMillis(300), Duration.ofSeconds(2)));
        fleet.add(new Host(h.name(), h.address(), h.port(), h.user(), List.of(), h.transport(), DeployEngine.NIXOS_REBUILD,
                h.identityFiles(), null, health, null, CONFIRM));
        ws.sshOptions(name, t, knownHosts());
        return sim;
    }

    public Path knownHosts() {
        Path f = dir.resolve("known_hosts");
        String lines = hosts.hosts().stream().map(h -> h.knownHostsLine() + "\n").collect(Collectors.joining());
        try {
            Files.writeString(f, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    public SshSettings ssh() {
        SshSettings base = SshSettings.fromEnvironment(Map.of("HOME", dir.toString())).withKnownHosts(knownHosts())
                .withDefaultIdentities(List.of()).withAgentSocket(null);
        return new SshSettings(base.home(), base.knownHosts(), null, List.of(), base.confirmer(), base.passphrases(),
                Duration.ofSeconds(3), 2, 4);
    }

    public LocalTools tools() {
        return new LocalTools(List.of(ws.bin()), Map.of(), dir.resolve("state"));
    }

    public DeployOptions options() {
        return DeployOptions.defaults(ws.flake()).withTimeouts(CONFIRM, Duration.ofSeconds(2), Duration.ofSeconds(25))
                .withParams(Map.of(), Map.of("dnsName", "localhost"));
    }

    public Deployer deployer() {
        try {
            TaskCatalog c = TaskCatalog.load(Map.of("XDG_CONFIG_HOME", dir.resolve("cfg").toString(),
                    "HOME", dir.toString()), null);
            return new Deployer(ssh(), tools(), c.get("preflight"), c.get("validate"), dev.fleetdeck.task.RunIds::next);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public DeployResult deploy(DeployOptions o, Host... on) throws Exception {
        return deployer().start(List.of(on), o, events::add).get();
    }

    public Host host(int i) {
        return fleet.get(i);
    }

    /** Everything one host's steps printed and concluded, for failure messages. */
    public String transcript(String host) {
        StringBuilder b = new StringBuilder();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.StepStarted s && s.host().equals(host)) b.append("> ").append(s.stepId())
                    .append(" #").append(s.attempt()).append('\n');
            if (e instanceof RunEvent.StepOutput o && o.host().equals(host)) b.append("  ").append(o.stepId())
                    .append(": ").append(o.line().text()).append('\n');
            if (e instanceof RunEvent.StepFinished f && f.host().equals(host)) b.append("= ").append(f.stepId())
                    .append(' ').append(f.status()).append(' ').append(f.message()).append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() {
        sims.forEach(SimulatedDeploy::close);
    }
}

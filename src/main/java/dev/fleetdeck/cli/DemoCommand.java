package dev.fleetdeck.cli;

import dev.fleetdeck.demo.DemoFleet;
import dev.fleetdeck.text.ShellQuote;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck demo}: a simulated fleet on this machine, without root, and the console on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts a demo fleet on this machine (no root needed) and opens the console on it:",
                "three simulated NixOS hosts (orion, cortex, nas) served by real sshd processes on 127.0.0.1,",
                "a real Borg repository on nas, and a sample TODO-CHECKLIST.md. Everything is stopped and",
                "deleted when the console quits (also on Ctrl-C or SIGTERM).",
                "In the demo directory, ./deploy-healthy and ./deploy-broken deploy a new generation to cortex",
                "from a second terminal; the broken one stops sshd on activation and is rolled back."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the console quit normally", "2:sshd is not installed or the demo could not start"})
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    FleetdeckCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--no-console", description = "start the fleet, print where it is, and wait for Ctrl-C "
            + "instead of opening the console")
    boolean noConsole;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!DemoFleet.sshdInstalled()) {
            err.println("fleetdeck: the demo needs OpenSSH's sshd (/usr/sbin/sshd): install the openssh-server package");
            return ExitCodes.USAGE;
        }
        err.println("fleetdeck: starting the demo fleet ...");
        DemoFleet demo;
        try {
            demo = DemoFleet.start();
        } catch (RuntimeException e) {
            throw new CliFailure(ExitCodes.USAGE, "the demo fleet could not start: " + e.getMessage());
        }
        Thread hook = new Thread(demo::close, "fleetdeck-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            writeScripts(demo);
            PrintWriter out = spec.commandLine().getOut();
            out.println("fleetdeck demo: fleet " + demo.fleetFile());
            out.println("  deploy a healthy generation to cortex:  " + demo.dir().resolve("deploy-healthy"));
            out.println("  deploy one that stops sshd (rolled back): " + demo.dir().resolve("deploy-broken"));
            demo.notes().forEach(n -> out.println("  note: " + n));
            out.flush();
            if (noConsole) {
                out.println("fleetdeck demo: running; Ctrl-C stops it and removes " + demo.dir());
                out.flush();
                new CountDownLatch(1).await();
                return ExitCodes.OK;
            }
            parent.fleet.fleetFile = demo.fleetFile();
            parent.fleet.knownHosts = demo.knownHosts();
            parent.todo = demo.todoFile();
            return parent.openConsole("demo " + demo.dir());
        } finally {
            demo.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs close() again, which is idempotent
            }
        }
    }

    /** Scripts that run this very fleetdeck (same java, same classpath) against the demo fleet. */
    private static void writeScripts(DemoFleet demo) {
        for (boolean healthy : List.of(true, false)) {
            List<String> argv = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", absoluteClassPath(), "dev.fleetdeck.Main"));
            argv.addAll(demo.deployCommand(healthy).subList(1, demo.deployCommand(healthy).size()));
            Path script = demo.dir().resolve(healthy ? "deploy-healthy" : "deploy-broken");
            try {
                Files.writeString(script, "#!/bin/sh\n# fleetdeck demo: " + String.join(" ", demo.deployCommand(healthy))
                        + "\nexec " + ShellQuote.join(argv) + " \"$@\"\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String absoluteClassPath() {
        return String.join(java.io.File.pathSeparator, java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString()).toList());
    }
}

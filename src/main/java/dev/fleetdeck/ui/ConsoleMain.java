package dev.fleetdeck.ui;

import dev.fleetdeck.fleet.FleetConfigException;
import dev.fleetdeck.fleet.FleetLoader;
import dev.fleetdeck.fleet.LoadedFleet;
import dev.fleetdeck.transport.SshSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the console without the CLI, for development, tests and benchmarks:
 * {@code ConsoleMain [--fleet F] [--known-hosts F] [--colors D] [--theme T] [--keymap K] [--history F|none]
 * [--config-dir D] [--pane-lines N]}. The CLI does the same through {@link Console#open}.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        Map<String, String> opt = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("fleetdeck console: bad argument " + args[i]);
                return 2;
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        LoadedFleet loaded;
        try {
            loaded = FleetLoader.system().locateAndRead(opt.containsKey("fleet") ? Path.of(opt.get("fleet")) : null);
        } catch (FleetConfigException e) {
            System.err.println("fleetdeck: " + e.getMessage());
            return 2;
        }
        ConsoleAsk asker = new ConsoleAsk();
        SshSettings ssh = SshSettings.fromEnvironment(env).withConfirmer(asker);
        if (opt.containsKey("known-hosts")) ssh = ssh.withKnownHosts(Path.of(opt.get("known-hosts")));
        String label = loaded.fleet().source() == null ? "fleet" : String.valueOf(loaded.fleet().source().getFileName());
        ConsoleConfig cfg = ConsoleConfig.of(loaded.fleet(), label, new FleetActions(loaded.fleet(), ssh, 16, null), env)
                .withAsker(asker).withColors(opt.get("colors")).withTheme(opt.get("theme")).withKeymap(opt.get("keymap"));
        if (opt.containsKey("history")) {
            cfg = cfg.withHistoryFile(opt.get("history").equals("none") ? null : Path.of(opt.get("history")));
        }
        if (opt.containsKey("config-dir")) cfg = cfg.withConfigDir(Path.of(opt.get("config-dir")));
        if (opt.containsKey("pane-lines")) cfg = cfg.withPaneCapacity(Integer.parseInt(opt.get("pane-lines")));
        return Console.open(cfg);
    }
}

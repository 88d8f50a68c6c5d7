package dev.fleetdeck.cli;

import dev.fleetdeck.task.ManualConfirmer;
import dev.fleetdeck.transport.HostKeyConfirmer;
import dev.fleetdeck.transport.PassphraseProvider;
import java.io.Console;

/**
 * Asks the operator on the controlling terminal. Without a terminal (scripts, CI) nothing is ever trusted
 * and no passphrase is given: unattended runs fail closed. Prompts from parallel connections wait their turn.
 */
final class ConsolePrompts implements HostKeyConfirmer, PassphraseProvider {

    private static final Object TURN = new Object();
    private final Console console;

    ConsolePrompts(Console console) {
        this.console = console;
    }

    static ConsolePrompts system() {
        return new ConsolePrompts(System.console());
    }

    @Override
    public boolean trust(UnknownHostKey key) {
        if (console == null) return false;
        synchronized (TURN) {
            console.printf("The authenticity of host '%s' can't be established.%n%s key fingerprint is %s.%n",
                    key.knownHostsName(), key.keyType(), key.fingerprint());
            String answer = console.readLine("Trust this key and continue connecting (yes/no)? ");
            return answer != null && answer.trim().equalsIgnoreCase("yes");
        }
    }

    /** Manual checklist steps: the instructions, then an explicit "yes"; unattended, nothing is confirmed. */
    ManualConfirmer manualSteps() {
        return (host, title, instructions) -> {
            if (console == null) return false;
            synchronized (TURN) {
                console.printf("%n[%s] %s%n%s%n", host.name(), title, instructions);
                String answer = console.readLine("Done? (yes/no) ");
                return answer != null && answer.trim().equalsIgnoreCase("yes");
            }
        };
    }

    @Override
    public char[] passphrase(String keyFile, int attempt) {
        if (console == null) return null;
        synchronized (TURN) {
            String again = attempt > 1 ? "Wrong passphrase. " : "";
            return console.readPassword("%sEnter passphrase for key '%s': ", again, keyFile);
        }
    }
}

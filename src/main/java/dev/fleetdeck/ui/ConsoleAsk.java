package dev.fleetdeck.ui;

import dev.fleetdeck.transport.HostKeyConfirmer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Questions from worker threads (unknown host key, manual step) answered in a console dialog. Created before the
 * console opens, so it can go into SshSettings and the task runner; while no console is open every answer is no,
 * which is the safe default. The asking thread blocks until the operator answers.
 */
public final class ConsoleAsk implements HostKeyConfirmer {

    private volatile Consumer<Msg> post;

    void attach(Consumer<Msg> post) {
        this.post = post;
    }

    void detach() {
        post = null;
    }

    @Override
    public boolean trust(UnknownHostKey key) {
        return ask(f -> HostKeyDialogs.unknownKey(key, f::complete));
    }

    /** For the task runner's manual steps ("touch your YubiKey now"): true when the operator says done. */
    public boolean manualStep(String host, String title, String instructions) {
        return ask(f -> HostKeyDialogs.manualStep(host, title, instructions, f::complete));
    }

    private boolean ask(java.util.function.Function<CompletableFuture<Boolean>, Dialog> dialog) {
        Consumer<Msg> p = post;
        if (p == null) return false;
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        p.accept(new Msg.Ask(dialog.apply(answer)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}

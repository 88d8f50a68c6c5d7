package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DialogTest {

    @Test
    void severalHostsAreConfirmedFirst() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.command("run deploy @servers goal=switch");
        assertTrue(vc.actions.started.isEmpty());
        String s = vc.render();
        assertTrue(s.contains("Run on 2 hosts?") && s.contains("cortex, frigate"), s);
        vc.keys("y");
        assertEquals(List.of("run deploy @servers {goal=switch}"), vc.actions.started);
    }

    @Test
    void aDeployIsAlwaysConfirmedWithItsHostsAndGoal() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.command("deploy orion test");
        assertTrue(vc.actions.started.isEmpty(), "even one host is asked about");
        String s = vc.render();
        assertTrue(s.contains("Deploy (test) 1 host?") && s.contains("orion"), s);
        vc.keys("n");
        assertTrue(vc.actions.started.isEmpty());
        vc.command("deploy @servers");
        assertTrue(vc.render().contains("Deploy (switch) 2 hosts?"), vc.render());
        vc.keys("y");
        assertEquals(List.of("deploy @servers switch"), vc.actions.started);
        vc.command("deploy orion sideways");
        assertTrue(vc.render().contains("usage: deploy SEL [switch|test|boot|dry-activate]"), vc.render());
    }

    @Test
    void ctrlCAsksBeforeQuittingWhileWorkRuns() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.actions.autoFinish = false;
        vc.command("exec orion -- sleep 100");
        vc.keys("C-c");
        assertFalse(vc.model().quitting());
        assertTrue(vc.render().contains("Quit while work runs?"));
        vc.keys("n");
        assertFalse(vc.model().quitting());
        vc.keys("C-c", "y");
        assertTrue(vc.model().quitting());
        assertEquals(List.of("r1"), vc.actions.cancelled);
    }

    @Test
    void ctrlCQuitsAtOnceWhenIdle() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.keys("C-c");
        assertTrue(vc.model().quitting());
    }

    @Test
    void cancelRunAsks() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.actions.autoFinish = false;
        vc.command("exec orion -- sleep 100");
        vc.keys("x");
        assertTrue(vc.render().contains("Cancel r1?"));
        vc.keys("y");
        assertEquals(List.of("r1"), vc.actions.cancelled);
    }

    @Test
    void otherThreadsAskThroughTheInbox() throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        vc.session.apply(new Msg.Ask(HostKeyDialogs.unknownKey(
                new dev.fleetdeck.transport.HostKeyConfirmer.UnknownHostKey("[127.0.0.1]:2222", "ssh-ed25519",
                        "SHA256:abcdefghijklmnop"), answer::complete)));
        String s = vc.render();
        assertTrue(s.contains("SHA256:abcdefghijklmnop"), s);
        vc.keys("Enter");
        assertFalse(answer.isDone(), "Enter is not an answer: only y or n");
        vc.keys("n");
        assertFalse(answer.get());
    }
}

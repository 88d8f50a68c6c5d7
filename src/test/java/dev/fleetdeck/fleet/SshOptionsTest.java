package dev.fleetdeck.fleet;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SshOptionsTest {

    private static SshOptions parse(String... args) throws SshOptions.BadOption {
        return SshOptions.parse(List.of(args));
    }

    @Test
    void separateAndAttachedValues() throws Exception {
        assertEquals(new SshOptions(2222, "alice", List.of("k1", "k2"), "jump", null),
                parse("-p", "2222", "-l", "alice", "-i", "k1", "-ik2", "-J", "jump"));
        assertEquals(2200, parse("-p2200").port());
    }

    @Test
    void dashOInBothSpellings() throws Exception {
        assertEquals(new SshOptions(2222, "bob", List.of("~/.ssh/k"), "j1", "nc %h %p"),
                parse("-o", "Port=2222", "-oUser=bob", "-o", "IdentityFile ~/.ssh/k", "-o", "proxyjump=j1",
                        "-o", "ProxyCommand=nc %h %p"));
    }

    @Test
    void firstValueWinsLikeSsh() throws Exception {
        SshOptions o = parse("-o", "Port=2222", "-p", "22", "-l", "a", "-o", "User=b");
        assertEquals(2222, o.port());
        assertEquals("a", o.user());
    }

    @Test
    void otherOptionsAndTheirArgumentsAreSkipped() throws Exception {
        // "-F cfg": cfg must not be mistaken for anything; "-p" inside -L's argument neither.
        assertEquals(new SshOptions(null, null, List.of(), null, null),
                parse("-A", "-t", "-F", "cfg", "-L", "8080:localhost:80", "-o", "StrictHostKeyChecking=no", "-4"));
    }

    @Test
    void noneMeansNoProxy() throws Exception {
        SshOptions o = parse("-o", "ProxyJump=none", "-o", "ProxyCommand none");
        assertEquals(null, o.proxyJump());
        assertEquals(null, o.proxyCommand());
    }

    @Test
    void errorsNameTheOffendingItem() {
        SshOptions.BadOption missing = assertThrows(SshOptions.BadOption.class, () -> parse("-A", "-p"));
        assertEquals(1, missing.index);
        assertEquals("\"-p\" is missing its value", missing.getMessage());
        SshOptions.BadOption port = assertThrows(SshOptions.BadOption.class, () -> parse("-o", "Port=99999"));
        assertEquals(1, port.index);
        SshOptions.BadOption form = assertThrows(SshOptions.BadOption.class, () -> parse("-oPort"));
        assertEquals("\"Port\" is not of the form Key=Value", form.getMessage());
    }
}

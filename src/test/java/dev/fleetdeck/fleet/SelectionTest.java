package dev.fleetdeck.fleet;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SelectionTest {

    private static Host host(String name, String... tags) {
        return new Host(name, name, 22, "root", List.of(tags), TransportKind.SSHJ, DeployEngine.NIXOS_REBUILD,
                List.of(), null, List.of(), null, Duration.ofSeconds(90));
    }

    private static final Fleet FLEET = new Fleet(Path.of("fleet.json"), List.of(
            host("cortex", "servers", "gpu"),
            host("orion", "servers"),
            host("web-a", "web"),
            host("web-b", "web"),
            host("web-10", "web", "canary")));

    private static List<String> select(String expression) throws SelectionException {
        return Selection.select(FLEET, expression).stream().map(Host::name).toList();
    }

    private static String error(String expression) {
        return assertThrows(SelectionException.class, () -> select(expression)).getMessage();
    }

    @Test
    void allAndExactNames() throws Exception {
        assertEquals(List.of("cortex", "orion", "web-a", "web-b", "web-10"), select("all"));
        assertEquals(List.of("orion"), select("orion"));
    }

    @Test
    void globs() throws Exception {
        assertEquals(List.of("web-a", "web-b", "web-10"), select("web-*"));
        assertEquals(List.of("web-a", "web-b"), select("web-?"));
        assertEquals(List.of("web-b"), select("web-[b-z]"));
        assertEquals(List.of("web-a"), select("web-[!b]"));
        assertEquals(List.of("cortex", "orion"), select("[co]*"));
    }

    @Test
    void tagsAndTagGlobs() throws Exception {
        assertEquals(List.of("cortex", "orion"), select("@servers"));
        assertEquals(List.of("cortex", "web-10"), select("@gpu,@can*"));
    }

    @Test
    void unionsKeepFleetOrderWithoutDuplicates() throws Exception {
        assertEquals(List.of("cortex", "orion", "web-10"), select("web-10, @servers, cortex"));
    }

    @Test
    void exclusionWithMinusOrBang() throws Exception {
        assertEquals(List.of("orion"), select("@servers,-cortex"));
        assertEquals(List.of("web-a", "web-b"), select("web-*,!@canary"));
        assertEquals(List.of("orion", "web-a", "web-b", "web-10"), select("-@gpu"), "only exclusions start from all");
        assertEquals(List.of("cortex", "orion"), select("all,-web-*"));
    }

    @Test
    void aTypoSuggestsTheCloseName() {
        assertEquals("no host matches \"cortx\" (hosts: cortex, orion, web-a, web-b, web-10; "
                + "tags: @canary, @gpu, @servers, @web); did you mean cortex?", error("cortx"));
        assertEquals("no host matches \"@sever\" (hosts: cortex, orion, web-a, web-b, web-10; "
                + "tags: @canary, @gpu, @servers, @web); did you mean @servers?", error("@sever"));
    }

    @Test
    void noSuggestionWhenNothingIsClose() {
        assertEquals("no host matches \"db-*\" (hosts: cortex, orion, web-a, web-b, web-10; "
                + "tags: @canary, @gpu, @servers, @web)", error("db-*"));
    }

    @Test
    void everyTermMustMatchSoATypoNeverShrinksADeploy() {
        assertEquals("no host matches \"orin\" (hosts: cortex, orion, web-a, web-b, web-10; "
                + "tags: @canary, @gpu, @servers, @web); did you mean orion?", error("cortex,orin"));
        assertEquals("no host matches \"web-z\" (hosts: cortex, orion, web-a, web-b, web-10; "
                + "tags: @canary, @gpu, @servers, @web); did you mean web-a?", error("all,-web-z"));
    }

    @Test
    void selectionThatLeavesNothing() {
        assertEquals("selection \"@gpu,-cortex\" leaves no host (hosts: cortex, orion, web-a, web-b, web-10; "
                + "tags: @canary, @gpu, @servers, @web)", error("@gpu,-cortex"));
    }

    @Test
    void syntaxErrors() {
        assertEquals("empty selection; give all, a host name, a glob like web-*, or @tag", error(" "));
        assertEquals("empty term in selection \"cortex,,orion\"", error("cortex,,orion"));
        assertEquals("empty term in selection \"cortex,\"", error("cortex,"));
        assertEquals("\"@\" needs a tag", error("@"));
        assertEquals("\"-\" needs a host name", error("-"));
        assertEquals("unclosed \"[\" in \"web-[ab\"", error("web-[ab"));
        assertEquals("\"web a\" is not a host name, glob or @tag", error("web a"));
    }

    @Test
    void longInventoriesAreCut() {
        List<Host> many = IntStream.range(0, 25).mapToObj(i -> host("n" + i)).toList();
        String message = assertThrows(SelectionException.class,
                () -> Selection.select(new Fleet(Path.of("f"), many), "zzz")).getMessage();
        assertEquals("no host matches \"zzz\" (hosts: n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14, "
                + "n15, n16, n17, n18, n19 and 5 more; no tags)", message);
    }
}

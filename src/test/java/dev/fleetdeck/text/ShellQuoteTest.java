package dev.fleetdeck.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuoteTest {

    /** The real shell must read every quoted word back exactly, and run nothing hidden in it. */
    @Test
    void shellReadsBackTheLiteralWord(@TempDir Path dir) throws Exception {
        List<String> hostile = List.of("$(touch pwned)", "`touch pwned`", "a'b", "a\"b", "x; touch pwned",
                "line1\nline2", "", "  spaced  ", "*", "~root", "\\", "ünï", "--flag", "$HOME", "a&&b|c>d");
        for (String word : hostile) {
            Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + ShellQuote.quote(word))
                    .directory(dir.toFile()).start();
            String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(word, got);
        }
        assertEquals(List.of(), List.of(dir.toFile().list()), "nothing may be created by a quoted word");
        Files.deleteIfExists(dir.resolve("pwned"));
    }

    @Test
    void safeWordsStayReadable() {
        assertEquals("nixos-rebuild switch --flake '.#cortex'",
                ShellQuote.join(List.of("nixos-rebuild", "switch", "--flake", ".#cortex")));
        assertEquals("/run/current-system", ShellQuote.quote("/run/current-system"));
    }
}

package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeymapThemeTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "vim", "emacs"})
    void everyShippedKeymapBindsEveryActionWithoutConflicts(String name) throws Exception {
        Keymap k = new KeymapLoader(null).load(name);
        for (Action a : Action.values()) assertTrue(!k.keys(a).isEmpty(), name + " binds " + a.id());
        assertTrue(k.conflicts().isEmpty(), k.conflicts().toString());
        assertTrue(String.join("\n", k.helpLines()).contains("search-next"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "vim", "emacs"})
    void keysDriveTheConsoleThroughEachKeymap(String name) throws Exception {
        VirtualConsole vc = new VirtualConsole(100, 30, c -> c.withKeymap(name));
        Keymap k = vc.model().keymap();
        vc.actions.outputLines = 200;
        vc.command("exec orion -- seq 200");
        OutputPane pane = vc.model().activePane();
        press(vc, k, Action.PAGE_UP);
        assertTrue(!pane.following(), name + " page-up leaves follow");
        press(vc, k, Action.SCROLL_BOTTOM);
        assertTrue(pane.following());
        press(vc, k, Action.TOGGLE_WRAP);
        assertTrue(pane.wrapping());
        press(vc, k, Action.HOST_DOWN);
        assertEquals(1, vc.model().hostCursor);
        press(vc, k, Action.TOGGLE_HOST);
        assertEquals("orion", vc.model().selectionExpression());
        press(vc, k, Action.HELP);
        assertNotNull(vc.model().overlay());
        assertTrue(vc.render().contains(k.keys(Action.SEARCH_NEXT).get(0).name()));
        press(vc, k, Action.TOGGLE_WRAP); // closes the overlay
        press(vc, k, Action.FOCUS_PROMPT);
        assertEquals(Focus.PROMPT, vc.model().focus());
        vc.type("hel");
        press(vc, k, Action.COMPLETE);
        assertEquals("help ", vc.model().prompt().text());
        press(vc, k, Action.LINE_START);
        press(vc, k, Action.KILL_LINE);
        assertEquals("", vc.model().prompt().text());
        press(vc, k, Action.CANCEL);
        assertEquals(Focus.MAIN, vc.model().focus());
        press(vc, k, Action.QUIT);
        assertTrue(vc.model().quitting());
    }

    private static void press(VirtualConsole vc, Keymap k, Action a) {
        vc.keys(k.keys(a).get(0).name());
    }

    @Test
    void themesSwitchLiveAndEveryShippedThemeIsComplete() throws Exception {
        for (String t : ThemeLoader.SHIPPED) assertEquals(t, new ThemeLoader(null).load(t).name());
        VirtualConsole vc = new VirtualConsole(100, 30);
        vc.render();
        TextColor darkBg = vc.cell(50, 0).getBackgroundColor();
        vc.command("theme light");
        vc.render();
        assertEquals("light", vc.model().theme().name());
        assertNotEquals(darkBg, vc.cell(50, 0).getBackgroundColor());
        vc.command("keymap vim");
        assertEquals("vim", vc.model().keymap().name());
        vc.keys("j");
        assertEquals(1, vc.model().hostCursor);
    }

    @Test
    void noColorMeansMonoThemeAndDefaultColours() throws Exception {
        VirtualConsole vc = new VirtualConsole(80, 24, c -> new ConsoleConfig(c.fleet(), c.fleetLabel(), c.actions(),
                java.util.Map.of("NO_COLOR", "1", "TERM", "xterm-256color"), null, null, null, 100, null, null, null));
        assertEquals("mono", vc.model().theme().name());
        vc.render();
        for (int x = 0; x < 80; x++) {
            assertEquals(TextColor.ANSI.DEFAULT, vc.cell(x, 0).getForegroundColor());
            assertEquals(TextColor.ANSI.DEFAULT, vc.cell(x, 0).getBackgroundColor());
        }
    }

    @Test
    void sixteenColourTerminalGetsOnlyAnsiColours() throws Exception {
        VirtualConsole vc = new VirtualConsole(80, 24, c -> c.withColors("16"));
        vc.render();
        for (int x = 0; x < 80; x++) assertTrue(vc.cell(x, 0).getBackgroundColor() instanceof TextColor.ANSI);
    }

    @Test
    void userFilesExtendShippedOnes(@TempDir Path cfg) throws Exception {
        Files.createDirectories(cfg.resolve("keymaps"));
        Files.createDirectories(cfg.resolve("themes"));
        Files.writeString(cfg.resolve("keymaps/mine.json"), "{\"extends\": \"default\", \"bindings\": {\"quit\": [\"Q\"]}}");
        Files.writeString(cfg.resolve("themes/mine.json"),
                "{\"extends\": \"dark\", \"styles\": {\"error\": {\"fg\": \"bright-red\", \"bold\": true}}}");
        VirtualConsole vc = new VirtualConsole(80, 24, c -> c.withConfigDir(cfg).withKeymap("mine").withTheme("mine"));
        assertEquals(new Tint.Indexed(9), vc.model().theme().style(Element.ERROR).fg());
        vc.keys("q");
        assertTrue(!vc.model().quitting());
        vc.keys("Q");
        assertTrue(vc.model().quitting());
        vc.keys(":").type("keymap m").keys("Tab");
        assertEquals("keymap mine ", vc.model().prompt().text());
    }

    @Test
    void errorsNameFileLineColumnAndValidChoices(@TempDir Path cfg) throws Exception {
        Path km = Files.createDirectories(cfg.resolve("keymaps"));
        Files.writeString(km.resolve("bad.json"), "{\n  \"extends\": \"default\",\n  \"bindings\": {\n    \"qiut\": [\"q\"]\n  }\n}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new KeymapLoader(km).load("bad"));
        assertTrue(e.getMessage().startsWith(km.resolve("bad.json") + ":4:5: unknown action \"qiut\"; valid actions: quit, "),
                e.getMessage());
        Files.writeString(km.resolve("badkey.json"), "{\"extends\": \"default\", \"bindings\": {\"quit\": [\"Ctrl+Q\"]}}");
        e = assertThrows(ConfigException.class, () -> new KeymapLoader(km).load("badkey"));
        assertTrue(e.getMessage().contains(":1:46: unknown key \"Ctrl+Q\""), e.getMessage());
        Files.writeString(km.resolve("partial.json"), "{\"bindings\": {\"quit\": \"q\"}}");
        e = assertThrows(ConfigException.class, () -> new KeymapLoader(km).load("partial"));
        assertTrue(e.getMessage().contains("no keys for interrupt"), e.getMessage());
        Files.writeString(km.resolve("clash.json"), "{\"extends\": \"default\", \"bindings\": {\"help\": \"q\"}}");
        e = assertThrows(ConfigException.class, () -> new KeymapLoader(km).load("clash"));
        assertTrue(e.getMessage().contains("key q is bound to both"), e.getMessage());
        Files.writeString(km.resolve("syntax.json"), "{\"bindings\": {\"quit\": [\"q\",]}}");
        e = assertThrows(ConfigException.class, () -> new KeymapLoader(km).load("syntax"));
        assertTrue(e.getMessage().startsWith(km.resolve("syntax.json") + ":1:"), e.getMessage());

        Path th = Files.createDirectories(cfg.resolve("themes"));
        Files.writeString(th.resolve("bad.json"), "{\"extends\": \"dark\",\n \"styles\": {\"error\": {\"fg\": \"rouge\"}}}");
        e = assertThrows(ConfigException.class, () -> new ThemeLoader(th).load("bad"));
        assertTrue(e.getMessage().contains("bad.json:2:29: unknown colour \"rouge\""), e.getMessage());
        Files.writeString(th.resolve("el.json"), "{\"extends\": \"dark\", \"styles\": {\"titel\": {}}}");
        e = assertThrows(ConfigException.class, () -> new ThemeLoader(th).load("el"));
        assertTrue(e.getMessage().contains("unknown element \"titel\"; valid elements: background, title"), e.getMessage());
    }
}

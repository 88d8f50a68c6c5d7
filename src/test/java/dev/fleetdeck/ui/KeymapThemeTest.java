package dev.fleetdeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import dev.fleetdeck.json.ConfigException;
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
        // {file name, its text, what its error message contains}; the message always starts with the file's path
        assertErrors(Files.createDirectories(cfg.resolve("keymaps")), (dir, name) -> new KeymapLoader(dir).load(name),
                new String[][]{
                    {"bad", "{\n  \"extends\": \"default\",\n  \"bindings\": {\n    \"qiut\": [\"q\"]\n  }\n}\n",
                        ":4:5: unknown action \"qiut\" (valid actions: quit, "},
                    {"typo", "{\"extends\": \"default\", \"bindings\": {\"serach\": \"/\"}}",
                        ":1:37: unknown action \"serach\"; did you mean \"search\"? (valid actions: quit, "},
                    {"field", "{\"extends\": \"default\",\n \"bindngs\": {}}",
                        ":2:2: unknown field \"bindngs\"; did you mean \"bindings\"?"},
                    {"twice", "{\"extends\": \"default\", \"bindings\": {\"quit\": \"q\", \"quit\": \"x\"}}",
                        ":1:50: duplicate action \"quit\""},
                    {"badkey", "{\"extends\": \"default\", \"bindings\": {\"quit\": [\"Ctrl+Q\"]}}",
                        ":1:46: unknown key \"Ctrl+Q\""},
                    {"partial", "{\"bindings\": {\"quit\": \"q\"}}", ":1:14: no keys for interrupt"},
                    {"clash", "{\"extends\": \"default\", \"bindings\": {\"help\": \"q\"}}", ":1:36: key q is bound to both"},
                    {"syntax", "{\"bindings\": {\"quit\": [\"q\",]}}", ":1:"},
                });
        assertErrors(Files.createDirectories(cfg.resolve("themes")), (dir, name) -> new ThemeLoader(dir).load(name),
                new String[][]{
                    {"bad", "{\"extends\": \"dark\",\n \"styles\": {\"error\": {\"fg\": \"rouge\"}}}",
                        ":2:29: unknown colour \"rouge\""},
                    {"el", "{\"extends\": \"dark\", \"styles\": {\"titel\": {}}}",
                        ":1:32: unknown element \"titel\" (valid elements: background, title"},
                    {"sf", "{\"extends\": \"dark\", \"styles\": {\"title\": {\"bld\": true}}}",
                        ":1:42: element \"title\": unknown field \"bld\"; did you mean \"bold\"?"},
                });
        Path km = cfg.resolve("keymaps");
        Files.writeString(km.resolve("loop.json"), "{\"extends\": \"loop\", \"bindings\": {}}");
        ConfigException e = assertThrows(ConfigException.class, () -> new KeymapLoader(km).load("loop"));
        assertTrue(e.getMessage().contains("keymap \"loop\" extends itself"), e.getMessage());
    }

    private interface Load {
        void load(Path dir, String name) throws Exception;
    }

    private static void assertErrors(Path dir, Load loader, String[][] cases) throws Exception {
        for (String[] c : cases) {
            Files.writeString(dir.resolve(c[0] + ".json"), c[1]);
            String m = assertThrows(ConfigException.class, () -> loader.load(dir, c[0])).getMessage();
            String at = dir.resolve(c[0] + ".json").toString();
            assertTrue(m.startsWith(at) && m.contains(at + c[2]), m);
        }
    }
}

package dev.fleetdeck.todo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hand-written inputs around every rule that decides whether a line is a task, each in several encodings. */
final class EdgeCases {

    private EdgeCases() {
    }

    static final Map<String, String> SNIPPETS = new LinkedHashMap<>();

    static {
        SNIPPETS.put("basic", "- [ ] open\n- [x] done\n- [X] done upper\n+ [ ] plus\n* [x] star\n");
        SNIPPETS.put("ordered", "1. [ ] one\n2. [x] two\n\n1) [X] paren\n2) [ ] paren two\n\n0. [ ] zero\n"
                + "123456789. [ ] nine digits\n\n1234567890. [ ] ten digits is no list\n");
        SNIPPETS.put("state then end of line", "- [x]\n- [ ]\n- [ ]  \n- [x]\t\n- [X]");
        SNIPPETS.put("no space after box", "- [x]done\n- [ ]open\n- [ ]\tx\n- [ ]\u000Bvt\n- [ ]\ffeed\n");
        SNIPPETS.put("not a box", "- [xx] a\n- [ x] b\n- [] c\n- [\tx] d\n- [\t] e\n- [y] f\n-[ ] g\n- ( ) h\n");
        SNIPPETS.put("backtick fence", "```\n- [ ] in code\n```\n- [ ] after\n````md\n```\n- [x] still code\n````\n");
        SNIPPETS.put("tilde fence", "~~~\n- [ ] in code\n~~~\n~~~ {.md}\n* [x] code\n~~~~\n- [x] after\n");
        SNIPPETS.put("unclosed fence", "- [ ] before\n```\n- [ ] never closed\n- [x] x\n");
        SNIPPETS.put("indented code", "para\n\n    - [ ] indented code\n    - [x] more\n\n- [ ] real\n");
        SNIPPETS.put("indented code in item", "-     [ ] code in item\n- [ ] real\n");
        SNIPPETS.put("four spaces top", "    - [ ] code\n   - [ ] three spaces is a list\n  - [x] two\n");
        SNIPPETS.put("html comment", "<!--\n- [ ] hidden\n- [x] hidden\n-->\n- [ ] visible\n<!-- - [ ] x -->\n"
                + "- [x] after comment\n");
        SNIPPETS.put("html comment in item", "- [ ] a\n  <!--\n  - [ ] hidden\n  -->\n- [x] b\n");
        SNIPPETS.put("html block", "<div>\n- [ ] in html block\n</div>\n\n- [ ] outside\n\n<details>\n\n"
                + "- [x] markdown inside details after blank\n\n</details>\n");
        SNIPPETS.put("html block type 7", "<custom-tag>\n- [ ] inside\n\n- [x] outside\n");
        SNIPPETS.put("script block", "<script>\n- [ ] js\n\n- [x] still script\n</script>\n- [ ] after\n");
        SNIPPETS.put("block quote", "> - [ ] quoted\n> - [x] quoted\n\n>\n> - [ ] quoted later\n\n- [ ] not quoted\n");
        SNIPPETS.put("item holding quote", "- > [ ] quote in item\n- [x] plain\n");
        SNIPPETS.put("nested", "- [ ] top\n  - [x] child\n    - [ ] grandchild\n      1. [X] ordered deep\n"
                + "- [ ] back\n    - [x] four-space child\n");
        SNIPPETS.put("same line nesting", "- - [ ] nested same line\n1. - [x] ordered then bullet\n");
        SNIPPETS.put("tabs", "-\t[ ] tab after bullet\n\t- [x] tab indent\n- [ ]\ttab after box\n"
                + "-\t\t[ ] two tabs is code\n- a\n\t- [ ] tab nested\n");
        SNIPPETS.put("lazy continuation", "- [ ] lazy\ncontinued [x] here\n- [x] next\n> - [ ] q\nlazy\n");
        SNIPPETS.put("later paragraph", "- [ ] first\n\n  [x] later paragraph\n\n- plain\n\n  [x] later only\n");
        SNIPPETS.put("blank first line", "-\n  [ ] after blank\n-\n\n  [x] after two\n");
        SNIPPETS.put("table", "| task | state |\n|------|-------|\n| - [ ] cell | no |\n| [x] | no |\n\n- [ ] after\n");
        SNIPPETS.put("after paragraph", "A paragraph\n- [ ] directly after\n\nAnother\n1. [x] ordered one\n\n"
                + "Third\n2. [ ] ordered two is lazy\n");
        SNIPPETS.put("setext", "- [ ] heading item\n  ---\n- [x] b\n  ===\n\nTitle\n=====\n- [ ] under\n");
        SNIPPETS.put("headings", "# Week 1\n- [ ] a\n## Day 1\n- [x] b\n### Deep\n- [ ] c\n## Day 2\n- [ ] d\n"
                + "# Week 2\n* [ ] e\n");
        SNIPPETS.put("link refs", "[x]: /url\n[ ]: /nope\n\n- [x] foo\n- [x]: /def\n- [ ] [y]: /y\n");
        SNIPPETS.put("loose list", "- [ ] one\n\n- [x] two\n\n\n- [ ] three\n");
        SNIPPETS.put("markers", "- [ ] verify <!-- fleetdeck: backup-verify @servers -->\n"
                + "- [x] deploys <!-- fleetdeck: deploys cortex >= 5 -->\n");
        SNIPPETS.put("unicode", "- [ ] café ✓ 日本\n- [x] 🚀 rocket\n# Überschrift ✅\n- [ ] ok\n");
        SNIPPETS.put("control bytes", "- [ ] nul \u0000 inside\n\u0000\n- [x] after nul\n");
        SNIPPETS.put("empty", "");
        SNIPPETS.put("only box", "[ ] not an item\n[x] neither\n");
        SNIPPETS.put("thematic", "- [ ] a\n***\n- [x] b\n* * *\n* [ ] c\n");
        SNIPPETS.put("deep quote nest", ">>>> - [ ] deep\n- [ ] ok\n");
    }

    /** Each snippet as LF, CRLF, lone CR, with a BOM, and without its final newline; plus raw bad UTF-8. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        SNIPPETS.forEach((name, text) -> {
            out.put(name, utf8(text));
            out.put(name + " [crlf]", utf8(text.replace("\n", "\r\n")));
            out.put(name + " [cr]", utf8(text.replace("\n", "\r")));
            out.put(name + " [bom]", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text)));
            out.put(name + " [bom crlf]", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    utf8(text.replace("\n", "\r\n"))));
            if (text.endsWith("\n")) out.put(name + " [no final newline]", utf8(text.substring(0, text.length() - 1)));
        });
        out.put("bad utf-8", concat(utf8("- [ ] a "), new byte[] {(byte) 0xFF, (byte) 0xE2, '\n'},
                utf8("\u00e9- [ ] no\n"), new byte[] {(byte) 0xC3}, utf8("\n- [x] b \u00e9\n")));
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }
}

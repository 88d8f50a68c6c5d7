package dev.fleetdeck.fleet;

import java.util.regex.Pattern;

/** Host names and tags must survive the selection syntax ({@code web-*,@gpu,-cortex}) and shell words. */
final class Names {

    static final String RULE = "use letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Names() {
    }

    static boolean valid(String name) {
        return NAME.matcher(name).matches();
    }

    /** An address, user or jump host that is handed to ssh as one argument. */
    static boolean validWord(String word) {
        return !word.isBlank() && !word.startsWith("-") && word.chars().noneMatch(Character::isWhitespace);
    }
}

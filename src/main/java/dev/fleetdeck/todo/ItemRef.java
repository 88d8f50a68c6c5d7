package dev.fleetdeck.todo;

/** How a user names an item: its number as listed, or a piece of its text. */
public sealed interface ItemRef {

    /** 1-based, as {@code fleetdeck todo} lists them. */
    record Index(int index) implements ItemRef {
    }

    /** Case-insensitive substring of the item text; an exact (case-insensitive) match wins over substrings. */
    record Text(String query) implements ItemRef {
    }

    /** All digits is a number; anything else is text. */
    static ItemRef parse(String arg) {
        String s = arg.strip();
        if (s.isEmpty()) throw new TodoException("empty item: give its number or a piece of its text");
        if (s.chars().allMatch(Character::isDigit) && s.length() < 10) return new Index(Integer.parseInt(s));
        return new Text(s);
    }
}

package dev.fleetdeck.ui;

import java.util.EnumMap;
import java.util.Map;

/** A style for every {@link Element}; built by {@link ThemeLoader}, which checks that all are present. */
public record Theme(String name, Map<Element, Style> styles) {

    public Theme {
        styles = java.util.Collections.unmodifiableMap(new EnumMap<>(styles));
    }

    public Style style(Element e) {
        return styles.getOrDefault(e, Style.PLAIN);
    }
}

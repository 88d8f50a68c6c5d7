package dev.fleetdeck.ui;

/** A piece of text in one style; the text holds no control characters. */
public record Span(String text, Style style) {
}

package dev.fleetdeck.ui;

/** Where keys go. */
public enum Focus { MAIN, PROMPT }

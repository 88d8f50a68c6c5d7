package dev.fleetdeck.ui;

/** A foreground or background colour as SGR and theme files name it, independent of the terminal. */
public sealed interface Tint {

    Tint DEFAULT = new Default();

    /** The colour this terminal can show: truecolor → 256 → 16 → terminal default. */
    Tint downgrade(ColorDepth depth);

    /** The terminal's own default colour. */
    record Default() implements Tint {
        public Tint downgrade(ColorDepth depth) {
            return this;
        }
    }

    /** A palette colour: 0..15 the ANSI colours, 16..255 the xterm cube and grey ramp. */
    record Indexed(int index) implements Tint {
        public Indexed {
            if (index < 0 || index > 255) throw new IllegalArgumentException("colour index " + index + " is outside 0..255");
        }

        public Tint downgrade(ColorDepth depth) {
            return switch (depth) {
                case MONO -> DEFAULT;
                case ANSI16 -> index < 16 ? this : Palette.nearest16(Palette.rgbOf(index));
                default -> this;
            };
        }
    }

    record Rgb(int r, int g, int b) implements Tint {
        public Rgb {
            if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) throw new IllegalArgumentException("RGB out of range");
        }

        public Tint downgrade(ColorDepth depth) {
            return switch (depth) {
                case MONO -> DEFAULT;
                case ANSI16 -> Palette.nearest16(this);
                case ANSI256 -> Palette.nearest256(this);
                case TRUECOLOR -> this;
            };
        }
    }
}

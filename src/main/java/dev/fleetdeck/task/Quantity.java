package dev.fleetdeck.task;

import dev.fleetdeck.json.Suggestions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A threshold limit such as {@code 5GiB}, {@code 90s}, {@code 80%} or {@code 3}: a number in its unit and the
 * same number in base units (bytes, seconds), which is what a command prints and what gets compared.
 */
record Quantity(double amount, String unit) {

    /** Unit to base-unit factor; "" is a plain number. */
    private static final Map<String, Double> FACTORS = new LinkedHashMap<>();

    static {
        FACTORS.put("B", 1d);
        FACTORS.put("KB", 1e3);
        FACTORS.put("MB", 1e6);
        FACTORS.put("GB", 1e9);
        FACTORS.put("TB", 1e12);
        FACTORS.put("KiB", 1024d);
        FACTORS.put("MiB", 1024d * 1024);
        FACTORS.put("GiB", 1024d * 1024 * 1024);
        FACTORS.put("TiB", 1024d * 1024 * 1024 * 1024);
        FACTORS.put("s", 1d);
        FACTORS.put("m", 60d);
        FACTORS.put("h", 3600d);
        FACTORS.put("d", 86400d);
        FACTORS.put("%", 1d);
        FACTORS.put("", 1d);
    }

    static final String UNITS = "B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, s, m, h, d, % or none";

    private static final Pattern FORM = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*([A-Za-z%]*)\\s*");

    /** @throws IllegalArgumentException with a user-facing reason */
    static Quantity parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number with an optional unit (e.g. 5GiB, 90s, 80%)");
        }
        String unit = m.group(2);
        if (!FACTORS.containsKey(unit)) {
            Optional<String> guess = Suggestions.closest(unit, FACTORS.keySet().stream().filter(u -> !u.isEmpty()).toList());
            throw new IllegalArgumentException("\"" + text + "\" has unknown unit \"" + unit + "\""
                    + guess.map(g -> "; did you mean \"" + g + "\"?").orElse("") + " (units: " + UNITS + ")");
        }
        return new Quantity(Double.parseDouble(m.group(1)), unit);
    }

    double base() {
        return amount * FACTORS.get(unit);
    }

    /** A base-unit value in this unit, e.g. 2254857830 bytes as {@code 2.1 GiB}. */
    String format(double base, int decimals) {
        BigDecimal n = BigDecimal.valueOf(base / FACTORS.get(unit)).setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        String number = n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString();
        if (unit.isEmpty() || unit.equals("%")) return number + unit;
        return number + " " + unit;
    }

    /** {@code value} and the limit, with enough decimals that different numbers never look equal. */
    String[] formatPair(double value) {
        int decimals = 1;
        while (decimals < 6 && value != base() && format(value, decimals).equals(format(base(), decimals))) decimals++;
        return new String[] {format(value, decimals), format(base(), decimals)};
    }
}

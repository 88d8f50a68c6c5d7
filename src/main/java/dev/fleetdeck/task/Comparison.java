package dev.fleetdeck.task;

import java.util.List;

/** The comparison operators of {@code json} and {@code threshold} expectations. */
final class Comparison {

    static final List<String> OPS = List.of("==", "!=", "<", "<=", ">", ">=");

    private Comparison() {
    }

    /** {@code cmp} is the sign of actual compared with expected. */
    static boolean holds(String op, int cmp) {
        return switch (op) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    }

    /** The operator that does hold when {@code op} does not: for "free 2.1 GiB < 5 GiB". */
    static String negate(String op) {
        return switch (op) {
            case "==" -> "!=";
            case "!=" -> "==";
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    }
}

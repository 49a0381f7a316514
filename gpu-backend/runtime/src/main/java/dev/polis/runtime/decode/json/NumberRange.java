package dev.polis.runtime.decode.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Decides, for the text of a number being written, whether some completion of it is a number in the node's range
 * (so writing may go on) and whether it is one already. Numbers are written {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}
 * with at most {@link #INTEGER_DIGITS} integer and {@link #FRACTION_DIGITS} fraction digits, so every number ends.
 */
final class NumberRange {

    static final int INTEGER_DIGITS = 15;
    static final int FRACTION_DIGITS = 6;

    private static final Pattern PREFIX = Pattern.compile("-?(0|[1-9][0-9]*)?(\\.[0-9]*)?");
    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final BigDecimal STEP = BigDecimal.ONE.movePointLeft(FRACTION_DIGITS);

    private NumberRange() {
    }

    /** Returns whether {@code text} is a number of {@code node} in its range. */
    static boolean complete(Node.NumberNode node, String text) {
        if (!WHOLE.matcher(text).matches() || (node.integer() && text.indexOf('.') >= 0)) {
            return false;
        }
        BigDecimal value = new BigDecimal(text);
        return (node.minimum() == null || value.compareTo(node.minimum()) >= 0)
                && (node.maximum() == null || value.compareTo(node.maximum()) <= 0);
    }

    /** Returns whether some number of {@code node} in its range begins with {@code text}. */
    static boolean viable(Node.NumberNode node, String text) {
        if (!PREFIX.matcher(text).matches()) {
            return false;
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        int dot = body.indexOf('.');
        String integer = dot < 0 ? body : body.substring(0, dot);
        String fraction = dot < 0 ? null : body.substring(dot + 1);
        if (integer.length() > INTEGER_DIGITS || (fraction != null && (integer.isEmpty()
                || node.integer() || fraction.length() > FRACTION_DIGITS))) {
            return false;
        }
        BigDecimal unit = node.integer() ? BigDecimal.ONE : STEP;
        BigDecimal low = node.minimum() == null ? null : node.minimum().divide(unit, 0, RoundingMode.CEILING).multiply(unit);
        BigDecimal high = node.maximum() == null ? null : node.maximum().divide(unit, 0, RoundingMode.FLOOR).multiply(unit);
        if (low != null && high != null && low.compareTo(high) > 0) {
            return false;
        }
        if (integer.isEmpty()) {
            BigDecimal top = BigDecimal.TEN.pow(INTEGER_DIGITS).subtract(unit);
            return meets(negative, BigDecimal.ZERO, top, low, high);
        }
        if (fraction != null) {
            BigDecimal start = new BigDecimal(integer + "." + (fraction.isEmpty() ? "0" : fraction));
            BigDecimal end = start.add(BigDecimal.ONE.movePointLeft(fraction.length())).subtract(STEP);
            return meets(negative, start, fraction.length() == FRACTION_DIGITS ? start : end, low, high);
        }
        BigDecimal whole = new BigDecimal(integer);
        if (meets(negative, whole, whole.add(BigDecimal.ONE).subtract(unit), low, high)) {
            return true;
        }
        if (integer.equals("0")) {
            return false;
        }
        for (int k = 1; k <= INTEGER_DIGITS - integer.length(); k++) {
            BigDecimal scale = BigDecimal.TEN.pow(k);
            if (meets(negative, whole.multiply(scale), whole.add(BigDecimal.ONE).multiply(scale).subtract(unit), low, high)) {
                return true;
            }
        }
        return false;
    }

    /** Whether [start, end] (of absolute values, negated when {@code negative}) meets [low, high]. */
    private static boolean meets(boolean negative, BigDecimal start, BigDecimal end, BigDecimal low, BigDecimal high) {
        BigDecimal a = negative ? end.negate() : start;
        BigDecimal b = negative ? start.negate() : end;
        return (high == null || a.compareTo(high) <= 0) && (low == null || b.compareTo(low) >= 0);
    }
}

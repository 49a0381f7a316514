package dev.polis.openai.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the numbers and flags of a request strictly, as OpenAI does: integers as 64-bit values checked against the
 * field's range before they are narrowed (so 4294967297 is refused, not read as 1), numbers within their range, and
 * flags only as JSON booleans.
 */
final class WireNumbers {

    private WireNumbers() {
    }

    /** Returns the integer {@code field} within [{@code min}, {@code max}], or null when absent. */
    static Long integer(JsonNode body, String field, long min, long max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw new WireFormatException("'" + field + "' must be an integer from " + min + " to " + max + " but was "
                    + node, field);
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw new WireFormatException("'" + field + "' must be an integer from " + min + " to " + max + " but was "
                    + node.bigIntegerValue(), field);
        }
        return node.longValue();
    }

    /** Returns the number {@code field} within [{@code min}, {@code max}], or null when absent. */
    static Double number(JsonNode body, String field, double min, double max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < min
                || node.doubleValue() > max) {
            throw new WireFormatException("'" + field + "' must be a number from " + format(min) + " to "
                    + format(max) + " but was " + node, field);
        }
        return node.doubleValue();
    }

    /** Returns the flag {@code field}, {@code absent} when missing or null; a string or number is refused. */
    static boolean flag(JsonNode body, String field, boolean absent) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw new WireFormatException("'" + field + "' must be true or false but was " + node, field);
        }
        return node.booleanValue();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

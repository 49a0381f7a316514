package dev.polis.govsim.protocol;

/**
 * Says how a harvest amount was obtained from an agent's answer.
 *
 * <p>The first four constants are the coarse statuses; the others (added later, additively) say more precisely how
 * the parsing rule of spec §2.1 read a malformed answer. {@link #coarse()} maps every status to a coarse one, for
 * code that only needs to know whether a number was read.
 */
public enum ParseStatus {
    /** A plain number was found in the answer (the first run of digits after the answer marker). */
    PARSED,
    /** The answer marker was followed by no digit; the amount defaults to 0, as in the original. */
    NO_NUMBER,
    /** The number did not fit an int; the amount is {@link Integer#MAX_VALUE}. */
    TOO_LARGE,
    /** The amount came from code, not text (a reference policy, or an empty pool that needs no question). */
    NOT_TEXT,
    /** The answer had no answer marker ({@code Answer:}) at all; the amount is 0. Coarse status: {@link #NO_NUMBER}. */
    NO_MARKER,
    /** A minus sign stood before the digits and was ignored ({@code -5} gives 5). Coarse status: {@link #PARSED}. */
    SIGN_IGNORED,
    /** A thousands separator ended the number ({@code 1,000} gives 1). Coarse status: {@link #PARSED}. */
    FIRST_DIGIT_GROUP,
    /** A fractional part was dropped ({@code 7.5} gives 7). Coarse status: {@link #PARSED}. */
    FRACTION_DROPPED,
    /**
     * A structured (JSON schema) harvest answer was not a JSON object with a whole non-negative {@code amount}; the
     * amount is 0. Coarse status: {@link #NO_NUMBER}.
     */
    JSON_INVALID;

    /** Returns the coarse status: {@link #PARSED}, {@link #NO_NUMBER}, {@link #TOO_LARGE} or {@link #NOT_TEXT}. */
    public ParseStatus coarse() {
        return switch (this) {
            case NO_MARKER, JSON_INVALID -> NO_NUMBER;
            case SIGN_IGNORED, FIRST_DIGIT_GROUP, FRACTION_DROPPED -> PARSED;
            default -> this;
        };
    }

    /** Returns whether the amount was read from a number in the answer ({@link #coarse()} is {@link #PARSED}). */
    public boolean numberRead() {
        return coarse() == PARSED;
    }

    /** Returns whether the answer broke the expected format ({@code Answer: N}) in any way. */
    public boolean malformed() {
        return this != PARSED && this != NOT_TEXT;
    }
}

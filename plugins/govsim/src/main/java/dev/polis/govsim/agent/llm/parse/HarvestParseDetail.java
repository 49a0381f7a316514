package dev.polis.govsim.agent.llm.parse;

import dev.polis.govsim.protocol.ParseStatus;

/**
 * Says precisely how {@link HarvestParser} turned an answer into an amount; each detail is reported to the
 * environment as the {@link ParseStatus} of the same meaning.
 */
public enum HarvestParseDetail {
    /** A plain run of digits followed the answer marker. */
    NUMBER(ParseStatus.PARSED),
    /** The digits were followed by a thousands group ({@code 1,000}); only the first group counts, giving 1. */
    FIRST_DIGIT_GROUP(ParseStatus.FIRST_DIGIT_GROUP),
    /** A minus sign stood before the digits; the rule reads digits only, so {@code -5} gives 5. */
    SIGN_IGNORED(ParseStatus.SIGN_IGNORED),
    /** The number had a fractional part ({@code 7.5}); the digits before the point count. */
    FRACTION_DROPPED(ParseStatus.FRACTION_DROPPED),
    /** The digits did not fit an int; the amount is {@link Integer#MAX_VALUE}. */
    TOO_LARGE(ParseStatus.TOO_LARGE),
    /** The answer had no answer marker; the amount is 0. */
    NO_MARKER(ParseStatus.NO_MARKER),
    /** The answer marker was followed by no digit; the amount is 0. */
    NO_NUMBER(ParseStatus.NO_NUMBER),
    /** A structured answer was not a JSON object with a whole non-negative {@code amount}; the amount is 0. */
    JSON_INVALID(ParseStatus.JSON_INVALID);

    private final ParseStatus status;

    HarvestParseDetail(ParseStatus status) {
        this.status = status;
    }

    /** Returns the protocol status this detail is reported under (its {@link ParseStatus#coarse()} is the coarse one). */
    public ParseStatus status() {
        return status;
    }
}

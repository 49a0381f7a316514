package dev.polis.govsim.agent.llm.parse;

import dev.polis.govsim.protocol.ParseStatus;

/**
 * Says precisely how {@link HarvestParser} turned an answer into an amount, beyond the protocol's coarser
 * {@link ParseStatus}.
 */
public enum HarvestParseDetail {
    /** A plain run of digits followed the answer marker. */
    NUMBER(ParseStatus.PARSED),
    /** The digits were followed by a thousands group ({@code 1,000}); only the first group counts, giving 1. */
    FIRST_DIGIT_GROUP(ParseStatus.PARSED),
    /** A minus sign stood before the digits; the rule reads digits only, so {@code -5} gives 5. */
    SIGN_IGNORED(ParseStatus.PARSED),
    /** The number had a fractional part ({@code 7.5}); the digits before the point count. */
    FRACTION_DROPPED(ParseStatus.PARSED),
    /** The digits did not fit an int; the amount is {@link Integer#MAX_VALUE}. */
    TOO_LARGE(ParseStatus.TOO_LARGE),
    /** The answer had no answer marker; the amount is 0. */
    NO_MARKER(ParseStatus.NO_NUMBER),
    /** The answer marker was followed by no digit; the amount is 0. */
    NO_NUMBER(ParseStatus.NO_NUMBER);

    private final ParseStatus status;

    HarvestParseDetail(ParseStatus status) {
        this.status = status;
    }

    /** Returns the protocol status this detail is reported under. */
    public ParseStatus status() {
        return status;
    }
}

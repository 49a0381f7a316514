package dev.polis.govsim.protocol;

/** Says how a harvest amount was obtained from an agent's answer. */
public enum ParseStatus {
    /** A number was found in the answer (the first run of digits after the answer marker). */
    PARSED,
    /** No number was found; the amount defaults to 0, as in the original. */
    NO_NUMBER,
    /** The number did not fit an int; the amount is {@link Integer#MAX_VALUE}. */
    TOO_LARGE,
    /** The amount came from code, not text (a reference policy, or an empty pool that needs no question). */
    NOT_TEXT
}

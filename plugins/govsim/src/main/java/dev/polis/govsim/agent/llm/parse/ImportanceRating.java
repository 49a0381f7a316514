package dev.polis.govsim.agent.llm.parse;

import java.util.Objects;

/**
 * An importance score on the 1–10 scale and how it was obtained.
 *
 * @param score   the score, 1 to 10
 * @param outcome how the score was read
 * @param rawText the model's answer ({@code ""} when no model was asked)
 */
public record ImportanceRating(int score, Outcome outcome, String rawText) {

    /** The score a memory gets when its rating cannot be read, as in the original. */
    public static final int DEFAULT_SCORE = 5;
    /** The score of always-remember memories, which are never rated. */
    public static final int ALWAYS_INCLUDE_SCORE = 10;

    /** Checks the score's range. */
    public ImportanceRating {
        if (score < 1 || score > 10) {
            throw new IllegalArgumentException("importance must be in 1..10 but was " + score);
        }
        Objects.requireNonNull(outcome, "outcome");
        rawText = rawText == null ? "" : rawText;
    }

    /** Returns the score mapped to [0, 1] as retrieval uses it: {@code (score - 1) / 9}. */
    public double normalized() {
        return (score - 1) / 9.0;
    }

    /** Says how a rating was obtained. */
    public enum Outcome {
        /** A number from 1 to 10 was read. */
        PARSED,
        /** The answer held no number; the default applies. */
        NO_NUMBER,
        /** The first number was outside 1..10; the default applies. */
        OUT_OF_RANGE,
        /** A constrained answer ({@code choices: constrained}) was not {@code {"rating": N}} with N in 1..10. */
        JSON_INVALID,
        /** No model was asked (rating switched off, or an always-remember memory). */
        NOT_ASKED
    }
}

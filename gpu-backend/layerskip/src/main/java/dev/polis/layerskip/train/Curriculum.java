package dev.polis.layerskip.train;

import java.util.Locale;
import dev.polis.api.InvalidInputException;

/**
 * Which early exits contribute to the loss at a step, {@code C(t, l)} (spec §A.2); the last layer always does.
 * {@code rotational}: layer l when {@code l mod R == t mod R}; {@code gradual}: exits are switched on from the top,
 * layer l once {@code t/T >= 0.5·(L-1-l)/(L-1)}, all of them from half-way; {@code all}: every layer every step.
 */
public enum Curriculum {
    /** l mod R == t mod R. */
    ROTATIONAL,
    /** One more layer from the top every T/(2(L-1)) steps. */
    GRADUAL,
    /** Every layer, every step. */
    ALL;

    /**
     * Returns whether the exit after {@code layer} is enabled at {@code step} of {@code totalSteps} in a model of
     * {@code layers} layers, with rotation period {@code rotation}.
     */
    public boolean enabled(int layer, int layers, long step, long totalSteps, int rotation) {
        if (layer == layers - 1) {
            return true;
        }
        return switch (this) {
            case ROTATIONAL -> layer % rotation == step % rotation;
            case GRADUAL -> step >= 0.5 * totalSteps * (layers - 1 - layer) / (layers - 1);
            case ALL -> true;
        };
    }

    /** Parses a setting value. */
    public static Curriculum parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("layerskip curriculum: expected rotational, gradual or all but found '"
                    + text + "'");
        }
    }

    /** Returns the setting value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

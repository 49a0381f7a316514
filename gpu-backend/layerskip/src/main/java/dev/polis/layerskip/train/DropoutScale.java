package dev.polis.layerskip.train;

import java.util.Locale;
import dev.polis.api.InvalidInputException;

/**
 * How layer dropout grows with depth, {@code D(l)} with {@code D(0) = 0} and {@code D(L-1) = 1}: {@code exp} (the
 * paper's {@code exp(l·ln2/(L-1)) - 1}), {@code linear} ({@code l/(L-1)}), or {@code uniform} (1 for every layer but
 * the first).
 */
public enum DropoutScale {
    /** {@code exp(l·ln2/(L-1)) - 1}. */
    EXP,
    /** {@code l/(L-1)}. */
    LINEAR,
    /** 1, except 0 for layer 0. */
    UNIFORM;

    /** Returns D(l) for a model of {@code layers} layers. */
    public double at(int layer, int layers) {
        if (layers < 2 || layer == 0) {
            return 0;
        }
        double x = layer / (double) (layers - 1);
        return switch (this) {
            case EXP -> Math.exp(x * Math.log(2)) - 1;
            case LINEAR -> x;
            case UNIFORM -> 1;
        };
    }

    /** Parses a setting value. */
    public static DropoutScale parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("layerskip dropoutScale: expected exp, linear or uniform but found '"
                    + text + "'");
        }
    }

    /** Returns the setting value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

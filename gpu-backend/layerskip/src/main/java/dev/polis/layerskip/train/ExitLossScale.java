package dev.polis.layerskip.train;

import java.util.Locale;
import dev.polis.api.InvalidInputException;

/**
 * The per-layer scale {@code e(l)} of the early-exit loss before normalisation (spec §A.2): torchtune's variants
 * {@code uniform} (1), {@code linear_l} (l+1), {@code sum_l} (the default, {@code Σ_{i≤l}(i+1)}), {@code sqrt_l},
 * {@code inv_l}, {@code inv_sqrt_l}, and {@code paper} ({@code Σ_{i≤l} i}, the last layer {@code L-1 + Σ_{i≤L-2} i}).
 * The recipe multiplies every layer but the last by {@code eScale} and normalises over the enabled layers.
 */
public enum ExitLossScale {
    /** 1. */
    UNIFORM,
    /** l + 1. */
    LINEAR_L,
    /** Σ_{i=0}^{l} (i + 1). */
    SUM_L,
    /** sqrt(l + 1). */
    SQRT_L,
    /** 1 / (l + 1). */
    INV_L,
    /** 1 / sqrt(l + 1). */
    INV_SQRT_L,
    /** The paper's quadratic scale; the e_scale factor is applied by the recipe. */
    PAPER;

    /** Returns e(l) for a model of {@code layers} layers, before the e_scale factor and normalisation. */
    public double at(int layer, int layers) {
        double n = layer + 1;
        return switch (this) {
            case UNIFORM -> 1;
            case LINEAR_L -> n;
            case SUM_L -> n * (n + 1) / 2;
            case SQRT_L -> Math.sqrt(n);
            case INV_L -> 1 / n;
            case INV_SQRT_L -> 1 / Math.sqrt(n);
            case PAPER -> layer == layers - 1 ? (layers - 1) + sumTo(layers - 2) : sumTo(layer);
        };
    }

    private static double sumTo(int l) {
        return l <= 0 ? 0 : l * (l + 1) / 2.0;
    }

    /** Parses a setting value. */
    public static ExitLossScale parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("layerskip lossScale: expected uniform, linear_l, sum_l, sqrt_l, inv_l, "
                    + "inv_sqrt_l or paper but found '" + text + "'");
        }
    }

    /** Returns the setting value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

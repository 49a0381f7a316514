package dev.polis.runtime.seam;

import java.util.function.UnaryOperator;

/** Installs the {@link PrefillStrategy} sessions use for prompts; installing wraps the current one. */
public interface PrefillSeam {

    /** Returns the strategy now in place. */
    PrefillStrategy strategy();

    /** Replaces the strategy with {@code change} applied to the current one. */
    void replace(UnaryOperator<PrefillStrategy> change);
}

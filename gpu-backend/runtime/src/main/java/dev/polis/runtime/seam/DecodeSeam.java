package dev.polis.runtime.seam;

import java.util.function.UnaryOperator;

/**
 * Installs the {@link DecodeStrategy} sessions use for decode steps (a one-token {@code append} or
 * {@code appendLast} after the prompt); installing wraps the current one. Until something is installed, sessions
 * run decode steps directly and never consult this seam. Layer-level decoders (LayerSkip) take their own steps
 * through the {@link LayerAccess} a model's {@code seam} returns, whose layer ranges go through the installed
 * strategy's {@link DecodeStrategy#run range step}.
 */
public interface DecodeSeam {

    /** Returns the strategy now in place ({@link DecodeStrategy#dense()} when none is installed). */
    DecodeStrategy decodeStrategy();

    /** Replaces the strategy with {@code change} applied to the current one. */
    void replaceDecode(UnaryOperator<DecodeStrategy> change);
}

package dev.polis.layerskip.decode;

import java.util.Set;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;

/**
 * A runtime model truncated to its first E layers plus the final norm and LM head (early-exit inference): what any
 * decoder sees when it drives this view. No weight is copied; the layers after E are simply not run.
 */
public final class EarlyExitLm implements CausalLm {

    private final LayeredModel model;
    private final int exitLayer;

    /**
     * Creates the view.
     *
     * @param exitLayer E in {@code [1, L]}; E = L is the whole model
     */
    public EarlyExitLm(LayeredModel model, int exitLayer) {
        if (exitLayer < 1 || exitLayer > model.depth()) {
            throw new IllegalArgumentException("exit layer must be in [1, " + model.depth() + "] but was " + exitLayer);
        }
        this.model = model;
        this.exitLayer = exitLayer;
    }

    /** Returns E. */
    public int exitLayer() {
        return exitLayer;
    }

    @Override
    public int vocabularySize() {
        return model.lm().vocabularySize();
    }

    @Override
    public Set<Integer> stopTokens() {
        return model.lm().stopTokens();
    }

    @Override
    public LmSession newSession() {
        return new EarlyExitSession(model, model.lm().newSession(), exitLayer);
    }
}

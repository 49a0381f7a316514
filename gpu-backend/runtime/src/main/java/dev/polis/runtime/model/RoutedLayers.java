package dev.polis.runtime.model;

import ai.djl.ndarray.NDArray;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;

/**
 * The {@link LayerAccess} a runtime model hands out through its seams: layer ranges run by a layer-level caller
 * (self-speculative drafting and verification, early exit) go through the installed decode strategy's range step
 * ({@link DecodeStrategy#run}), so an accelerator that decides which tokens run at which layer (LazyLLM's revivals)
 * sees those steps too. Strategies themselves get the transformer, whose ranges run straight through the layers.
 */
final class RoutedLayers implements LayerAccess {

    private final Transformer transformer;

    RoutedLayers(Transformer transformer) {
        this.transformer = transformer;
    }

    @Override
    public int layers() {
        return transformer.layers();
    }

    @Override
    public NDArray embed(LayerSession session, int[][] tokens) {
        return transformer.embed(session, tokens);
    }

    @Override
    public NDArray run(LayerSession session, NDArray hidden, int[] positions, int from, int to) {
        DecodeStrategy strategy = transformer.installedDecode();
        if (strategy == null || from == to) {
            return transformer.run(session, hidden, positions, from, to);
        }
        if (from < 0 || to > transformer.layers() || from > to) {
            throw new IllegalArgumentException("layer range [" + from + ", " + to + ") is not inside the "
                    + transformer.layers() + " layers");
        }
        return strategy.run(session, transformer, hidden, positions, from, to);
    }

    @Override
    public NDArray logits(NDArray hidden) {
        return transformer.logits(hidden);
    }
}

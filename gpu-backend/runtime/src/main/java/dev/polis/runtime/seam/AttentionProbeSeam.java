package dev.polis.runtime.seam;

/**
 * Asks every layer to keep the attention probabilities of the last query rows of each run, which strategies and
 * policies then read with {@link LayerSession#attention(int)}. Nothing is kept until an accelerator asks, so the
 * default path does no extra work; the rows are a slice of the softmax the layer computes anyway.
 */
public interface AttentionProbeSeam {

    /** Asks for the last {@code rows} queries of each run (fewer when a run has fewer); the largest request wins. */
    void request(int rows);

    /** Returns how many rows are kept per run: 0 until an accelerator asks. */
    int requestedRows();
}

package dev.polis.runtime.checkpoint;

import dev.polis.api.Choices;
import dev.polis.api.InvalidInputException;

/** How {@link DepthGrowth} fills the layers it adds to a checkpoint. */
public enum GrowthMethod {

    /**
     * Block expansion (LLaMA Pro, Wu et al. 2024): copies of the last layer with zero output projections, so the
     * grown model computes exactly what its source does until training moves those projections.
     */
    EXPAND,

    /**
     * Progressive stacking (Gong et al. 2019): new layer {@code i} is a full copy of source layer
     * {@code i mod depth}, so a 2-layer model grown to 8 repeats its two layers four times. The grown model no longer
     * computes what its source does; it starts training with every block already doing work.
     */
    STACK,

    /**
     * Block expansion with the new blocks inserted before the source's last layer instead of after it: the grown
     * model computes exactly what its source does, and each new block attends as the last layer will (its queries and
     * keys are the last layer's, read from the same residual stream). Made to test methods that read attention at
     * one layer to predict what a later one needs (LazyLLM), with the caveat that the new blocks do no work.
     */
    INSERT;

    /** The method's name on the command line ({@code expand}, {@code stack}). */
    public String label() {
        return Choices.label(this);
    }

    /**
     * Reads a method by its label.
     *
     * @throws InvalidInputException naming {@code setting} and the labels when {@code label} is none of them
     */
    public static GrowthMethod parse(String label, String setting) {
        return Choices.of(setting, label, GrowthMethod.class);
    }
}

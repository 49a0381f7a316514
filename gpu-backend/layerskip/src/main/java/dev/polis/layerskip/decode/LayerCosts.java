package dev.polis.layerskip.decode;

/**
 * Measured costs of one model on its device, in seconds: one layer over t tokens is
 * {@code perLayer + perLayerExtraToken·(t-1)}, the final norm and head over r rows {@code head·r}.
 *
 * @param depth              the number of layers L
 * @param perLayer           one layer on one token
 * @param perLayerExtraToken what each further token of the same call adds to one layer
 * @param headPerRow         the final norm and head on one row, logits copied out
 */
public record LayerCosts(int depth, double perLayer, double perLayerExtraToken, double headPerRow) {

    /** Returns the cost of {@code count} layers on {@code tokens} tokens. */
    public double layers(int count, int tokens) {
        return count * (perLayer + perLayerExtraToken * (tokens - 1));
    }

    /** Returns the cost of the final norm and head on {@code rows} rows. */
    public double head(int rows) {
        return headPerRow * rows;
    }

    /** Returns c_L(1): the full model's cost per decoded token. */
    public double fullToken() {
        return layers(depth, 1) + head(1);
    }
}

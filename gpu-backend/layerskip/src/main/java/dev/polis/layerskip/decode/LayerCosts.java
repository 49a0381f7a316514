package dev.polis.layerskip.decode;

/**
 * Measured costs of one model on its device, in seconds: a forward pass pays {@code perPass} (embedding, rotary
 * rows, freeing the step's arrays) plus, per layer over t tokens, {@code perLayer + perLayerExtraToken·(t-1)}, plus
 * the final norm and head over r rows, {@code headPerRow·r}.
 *
 * @param depth              the number of layers L
 * @param perLayer           one layer on one token
 * @param perLayerExtraToken what each further token of the same call adds to one layer
 * @param headPerRow         the final norm and head on one row, logits copied out
 * @param perPass            what a forward pass costs besides its layers and head
 */
public record LayerCosts(int depth, double perLayer, double perLayerExtraToken, double headPerRow, double perPass) {

    /** Costs without a per-pass part. */
    public LayerCosts(int depth, double perLayer, double perLayerExtraToken, double headPerRow) {
        this(depth, perLayer, perLayerExtraToken, headPerRow, 0);
    }

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
        return perPass + layers(depth, 1) + head(1);
    }
}

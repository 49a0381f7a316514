package dev.polis.runtime.train;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.polis.runtime.checkpoint.ModelConfig;

/**
 * What a recipe may change in the training forward, handed to {@link RecipePlan#install} once per run (also when
 * resuming) before the first step: the feed-forward block of any layer, and new trainable weights that the
 * optimizer updates and the checkpoints carry under their own names. It is the training counterpart of the
 * inference seams {@code seam.FeedForwardSeam} and {@code seam.CheckpointTensors}; nothing here reaches sdk-api.
 */
public interface TrainingSeam {

    /** Returns the model's configuration. */
    ModelConfig config();

    /** Returns the layers whose checkpoint has none of the dense feed-forward tensors: each must be replaced. */
    List<Integer> layersWithoutFeedForward();

    /** Returns the block of {@code layer} now in place (the default SwiGLU, or what an earlier change made). */
    TrainingFeedForward block(int layer);

    /** Replaces the block of {@code layer} with {@code change} applied to the current one. */
    void replace(int layer, UnaryOperator<TrainingFeedForward> change);

    /** Returns the manager (CPU, the run's lifetime) that owns the weights; make new weights' initial values on it. */
    NDManager manager();

    /**
     * Registers a new trainable weight and returns the array to use in blocks (gradient attached). When the run's
     * starting checkpoint (the one resumed, or {@code init/}) holds a tensor named {@code name}, its values are
     * loaded instead of {@code initial}'s (the shapes must agree); otherwise {@code initial} is used as it is.
     * Checkpoints save it as float32 under {@code name}, the optimizer moments under the same name.
     *
     * @param name    a checkpoint tensor name of the recipe's own, e.g. {@code model.layers.1.mlp.gate.weight};
     *                it must differ from the runtime's names and from the other added weights
     * @param initial the initial values, on {@link #manager()}
     * @param decay   whether AdamW's weight decay applies (matrices yes, norms and biases no)
     * @throws dev.polis.api.InvalidInputException when the name is taken or the checkpoint's shape differs
     */
    NDArray addParameter(String name, NDArray initial, boolean decay);

    /**
     * Returns the folder of the run's starting checkpoint ({@code init/}, or the checkpoint being resumed), whose
     * {@code config.json} a recipe may read for settings of its own (MH-MoE's {@code mhmoe} block). Checkpoints the
     * trainer writes copy that {@code config.json}, so such settings travel with the weights.
     */
    default Path checkpoint() {
        throw new UnsupportedOperationException("this training seam names no starting checkpoint");
    }
}

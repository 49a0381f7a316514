package dev.polis.runtime.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.CheckpointWeights;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.TensorInfo;
import dev.polis.runtime.model.LayerWeights;
import dev.polis.runtime.model.ModelWeights;

/**
 * The training forward's feed-forward blocks, one per layer (SwiGLU over the trainable weights unless a recipe
 * replaced it), and the {@link TrainingSeam} through which a recipe replaces them and adds weights.
 */
final class TrainingBlocks implements TrainingSeam {

    private final ModelConfig config;
    private final TrainableWeights weights;
    private final Path source;
    private final NDManager manager;
    private final TrainingFeedForward[] blocks;
    private final List<Integer> withoutDense = new ArrayList<>();
    private final boolean[] replaced;

    /**
     * Creates the default blocks over {@code weights}, whose starting checkpoint is {@code source} (read again only
     * for weights a recipe adds).
     */
    TrainingBlocks(ModelConfig config, TrainableWeights weights, Path source, NDManager manager) {
        this.config = config;
        this.weights = weights;
        this.source = source;
        this.manager = manager;
        this.blocks = new TrainingFeedForward[config.layers()];
        this.replaced = new boolean[config.layers()];
        for (int l = 0; l < blocks.length; l++) {
            LayerWeights w = weights.weights().layers().get(l);
            if (w.gateUp() == null) {
                withoutDense.add(l);
                int layer = l;
                blocks[l] = (x, pass) -> {
                    throw missing(layer);
                };
            } else {
                blocks[l] = (x, pass) -> swiGlu(w, x);
            }
        }
    }

    /** The runtime's SwiGLU: {@code down(silu(gate(x)) · up(x))} with gate and up fused in one matrix. */
    static NDArray swiGlu(LayerWeights w, NDArray x) {
        NDList parts = Linear.linear(x, w.gateUp()).singletonOrThrow().split(2, 2);
        NDArray gate = parts.get(0);
        return Linear.linear(gate.mul(Activation.sigmoid(gate)).mul(parts.get(1)), w.down()).singletonOrThrow();
    }

    /** Fails, naming the first layer without dense feed-forward tensors whose block no recipe replaced. */
    void checkComplete(String recipe) {
        for (int layer : withoutDense) {
            if (!replaced[layer]) {
                throw new InvalidInputException(missing(layer).getMessage() + " (recipe '" + recipe
                        + "' installed none)");
            }
        }
    }

    private InvalidInputException missing(int layer) {
        return new InvalidInputException(source + ": layer " + layer + " has no dense feed-forward tensors (mlp."
                + "gate_proj/up_proj/down_proj); train it with a --recipe that replaces its block through "
                + "TrainingSeam.replace");
    }

    /** Returns the block of {@code layer}. */
    TrainingFeedForward at(int layer) {
        return blocks[layer];
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public List<Integer> layersWithoutFeedForward() {
        return List.copyOf(withoutDense);
    }

    @Override
    public TrainingFeedForward block(int layer) {
        return blocks[checkLayer(layer)];
    }

    @Override
    public void replace(int layer, UnaryOperator<TrainingFeedForward> change) {
        TrainingFeedForward next = change.apply(blocks[checkLayer(layer)]);
        if (next == null) {
            throw new IllegalArgumentException("the change of layer " + layer + "'s training block returned null");
        }
        blocks[layer] = next;
        replaced[layer] = true;
    }

    @Override
    public Path checkpoint() {
        return source;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public NDArray addParameter(String name, NDArray initial, boolean decay) {
        if (weights.names().contains(name)) {
            throw new InvalidInputException("a recipe's new weight '" + name + "' has the name of a weight the "
                    + "trainer already has; choose a name of the recipe's own");
        }
        NDArray values = initial;
        try (CheckpointWeights files = CheckpointWeights.open(source, SafetensorsFile.DEFAULT_SPLIT_BYTES);
             NDManager mapped = manager.newSubManager()) {
            TensorInfo info = files.find(name).orElse(null);
            if (info != null) {
                if (!Arrays.equals(info.shape(), initial.getShape().getShape())) {
                    throw new InvalidInputException(source + ": tensor '" + name + "' has shape "
                            + info.shapeText() + " but the recipe makes it " + initial.getShape());
                }
                NDArray read = ModelWeights.read(config, files, mapped, name);
                values = manager.create(read.toFloatArray(), initial.getShape());
            }
        }
        NDArray owned = values == initial ? manager.create(initial.toFloatArray(), initial.getShape()) : values;
        owned.setRequiresGradient(true);
        weights.add(new Parameter(name, owned, decay));
        return owned;
    }

    private int checkLayer(int layer) {
        if (layer < 0 || layer >= blocks.length) {
            throw new IllegalArgumentException("layer " + layer + " is not in 0.." + (blocks.length - 1));
        }
        return layer;
    }
}

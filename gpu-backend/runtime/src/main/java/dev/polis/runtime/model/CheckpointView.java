package dev.polis.runtime.model;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.CheckpointWeights;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.seam.CheckpointTensors;

/** The {@link CheckpointTensors} seam of a loaded model: its open checkpoint files and what was loaded from them. */
final class CheckpointView implements CheckpointTensors {

    private final ModelConfig config;
    private final CheckpointWeights files;
    private final ModelWeights weights;

    CheckpointView(ModelConfig config, CheckpointWeights files, ModelWeights weights) {
        this.config = config;
        this.files = files;
        this.weights = weights;
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(files.names());
    }

    @Override
    public Set<String> extraNames() {
        Set<String> extra = new TreeSet<>(files.names());
        extra.removeAll(weights.loaded());
        return extra;
    }

    @Override
    public long[] shape(String name) {
        return files.find(name).orElseThrow(() -> new InvalidInputException(files.label() + " has no tensor '"
                + name + "'")).shape();
    }

    @Override
    public NDArray load(String name, NDManager manager) {
        return ModelWeights.read(config, files, manager, name);
    }

    @Override
    public Set<Integer> layersWithoutFeedForward() {
        Set<Integer> layers = new LinkedHashSet<>();
        for (int l = 0; l < weights.layers().size(); l++) {
            if (weights.layers().get(l).down() == null) {
                layers.add(l);
            }
        }
        return layers;
    }
}

package dev.polis.mhmoe.train;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import ai.djl.ndarray.NDArray;
import dev.polis.mhmoe.checkpoint.ExpertTensors;
import dev.polis.mhmoe.checkpoint.MoeBlock;
import dev.polis.mhmoe.layer.MoeConfig;
import dev.polis.mhmoe.layer.MoeLayer;
import dev.polis.mhmoe.layer.MoeOutput;
import dev.polis.runtime.checkpoint.CheckpointWeights;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.TensorInfo;
import dev.polis.runtime.train.RecipePlan;
import dev.polis.runtime.train.TrainingSeam;

/**
 * The plan of the {@code mhmoe} recipe: no layer dropout, the ordinary last-layer loss, and MH-MoE blocks over
 * trainable weights read from the starting checkpoint (checked against its {@code mhmoe} block first).
 */
final class MhMoePlan implements RecipePlan {

    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }

    @Override
    public String describe() {
        return MhMoeRecipe.ID + " (settings from config.json's mhmoe block)";
    }

    @Override
    public void install(TrainingSeam seam) {
        Path folder = seam.checkpoint();
        Path file = folder.resolve("config.json");
        JsonNode json = ConfigReader.readTree(file);
        int hidden = seam.config().hiddenSize();
        MoeConfig config = MoeBlock.read(json, file, hidden, seam.config().layers());
        Set<String> names = new HashSet<>();
        Map<String, long[]> shapes = new java.util.HashMap<>();
        try (CheckpointWeights files = CheckpointWeights.open(folder, SafetensorsFile.DEFAULT_SPLIT_BYTES)) {
            for (String name : files.names()) {
                names.add(name);
                shapes.put(name, files.find(name).map(TensorInfo::shape).orElseThrow());
            }
        }
        ExpertTensors.verify(config, hidden, names, shapes::get, folder + " (polis model train --init it, written "
                + "by polis mhmoe init)");
        for (int layer : config.layers()) {
            Map<String, long[]> own = ExpertTensors.shapes(config, hidden, layer);
            Map<String, NDArray> params = new java.util.HashMap<>();
            for (Map.Entry<String, long[]> t : own.entrySet()) {
                boolean decay = t.getKey().endsWith(".weight");
                params.put(t.getKey(), seam.addParameter(t.getKey(), seam.manager().zeros(
                        new ai.djl.ndarray.types.Shape(t.getValue())), decay));
            }
            MoeLayer block = new MoeLayer(config, ExpertTensors.weights(config, layer, params::get));
            double weight = config.balanceWeight();
            double capacity = config.capacityFactor();
            seam.replace(layer, dense -> (x, pass) -> {
                MoeOutput out = block.forward(x, capacity);
                pass.addLoss("balance", out.balance().mul((float) weight));
                return out.output();
            });
        }
    }
}

package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.SafetensorsWriter;
import dev.polis.runtime.checkpoint.TensorContent;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.Rope;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.seam.CheckpointTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint whose layer 1 holds an expert's tensors instead of the dense feed-forward ones (MH-MoE) trains once a
 * recipe replaces that block: the trainer refuses it otherwise, naming the layer; the recipe's block, built from
 * weights it adds (read from the checkpoint under the expert's names), computes the dense model's logits; an
 * optimizer step updates them, the checkpoint saves them under their names and no dense tensors for layer 1, the
 * inference runtime sees them as extra tensors, and a resumed run reads the updated values back.
 */
class ExpertLayerTrainingTest {

    private static final String EXPERT = "model.layers.1.mlp.experts.0.";
    private static final int[][] INPUTS = {{1, 5, 9, 3, 17, 22, 4, 8}, {3, 3, 39, 0, 12, 5, 6, 18}};
    private static final int[][] TARGETS = {{5, 9, 3, 17, 22, 4, 8, 30}, {3, 39, 0, 12, 5, 6, 18, 25}};

    @TempDir
    Path temp;

    @Test
    void aLayerWithoutDenseTensorsTrainsAndSavesOnceARecipeReplacesItsBlock() throws IOException {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.layers = 3;
        Path dense = tiny.writeTo(temp.resolve("dense"));
        Path experts = tiny.writeTo(temp.resolve("experts"));
        moveLayerOneIntoAnExpert(tiny, experts);
        ModelConfig config = ConfigReader.read(experts.resolve("config.json"));
        Path saved = temp.resolve("saved");
        float[] stepped;
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            TrainableWeights reference = TrainableWeights.load(config, dense, manager);
            float[] expected = new TrainingForward(config, reference.weights(), rope(config, manager))
                    .fullLogits(manager, INPUTS).toFloatArray();

            TrainableWeights weights = TrainableWeights.load(config, experts, manager);
            TrainingBlocks blocks = new TrainingBlocks(config, weights, experts, manager);
            assertThat(blocks.layersWithoutFeedForward()).containsExactly(1);
            assertThatThrownBy(() -> blocks.checkComplete("plain")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("layer 1 has no dense feed-forward tensors")
                    .hasMessageContaining("recipe 'plain' installed none");
            NDArray gate = singleExpert(blocks, config);
            blocks.checkComplete("expert");
            TrainingForward forward = new TrainingForward(config, weights.weights(), rope(config, manager),
                    blocks::at);
            float[] actual = forward.fullLogits(manager, INPUTS).toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-5f));
            }
            assertThat(weights.parameters()).extracting(Parameter::name)
                    .doesNotContain("layers.1.gate_up", "layers.1.down").contains("layers.0.gate_up")
                    .endsWith(EXPERT + "gate_proj.weight", EXPERT + "up_proj.weight", EXPERT + "down_proj.weight");

            AdamW adam = new AdamW(weights.parameters(), manager, 0.9, 0.95, 1e-8, 0.1);
            float[] before = gate.toFloatArray();
            try (NDManager step = manager.newSubManager();
                 GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                collector.backward(ExitLoss.compute(forward, step, INPUTS, TARGETS, null, new double[] {0, 0, 1},
                        AuxiliaryLosses.training(0)).total());
            }
            adam.step(1e-2, 1, 1.0);
            stepped = gate.toFloatArray();
            assertThat(stepped).isNotEqualTo(before);
            TrainingOptions options = new TinyRun(Files.createDirectories(temp.resolve("run"))).options(1);
            new CheckpointStore(temp.resolve("out")).save(saved, experts, weights, adam,
                    new TrainerState(1, 16, options, 100, 1, Double.NaN, 0));
        }
        try (SafetensorsFile file = SafetensorsFile.open(saved.resolve("model.safetensors"))) {
            assertThat(file.tensors().keySet()).doesNotContain("model.layers.1.mlp.gate_proj.weight",
                    "model.layers.1.mlp.down_proj.weight").contains("model.layers.0.mlp.gate_proj.weight");
            assertThat(file.readFloats(EXPERT + "gate_proj.weight")).containsExactly(stepped);
        }
        try (TransformerLm lm = TransformerLm.load(saved, LoadOptions.DEFAULTS)) {
            CheckpointTensors tensors = lm.seam(CheckpointTensors.class).orElseThrow();
            assertThat(tensors.layersWithoutFeedForward()).containsExactly(1);
            assertThat(tensors.extraNames()).containsExactlyInAnyOrder(EXPERT + "gate_proj.weight",
                    EXPERT + "up_proj.weight", EXPERT + "down_proj.weight");
        }
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            TrainableWeights resumed = TrainableWeights.load(config, saved, manager);
            TrainingBlocks blocks = new TrainingBlocks(config, resumed, saved, manager);
            assertThat(singleExpert(blocks, config).toFloatArray()).containsExactly(stepped);
            assertThatThrownBy(() -> blocks.addParameter("model.layers.0.mlp.gate_proj.weight",
                    manager.zeros(new Shape(1)), true)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("has the name of a weight the trainer already has");
        }
    }

    /** The recipe side: adds the expert's weights (zeros unless the checkpoint has them) and a SwiGLU over them. */
    private static NDArray singleExpert(TrainingBlocks blocks, ModelConfig config) {
        NDManager m = blocks.manager();
        long d = config.hiddenSize();
        long inter = config.intermediateSize();
        NDArray gate = blocks.addParameter(EXPERT + "gate_proj.weight", m.zeros(new Shape(inter, d)), true);
        NDArray up = blocks.addParameter(EXPERT + "up_proj.weight", m.zeros(new Shape(inter, d)), true);
        NDArray down = blocks.addParameter(EXPERT + "down_proj.weight", m.zeros(new Shape(d, inter)), true);
        blocks.replace(1, missing -> (x, pass) -> {
            NDArray g = x.matMul(gate.transpose());
            return g.mul(Activation.sigmoid(g)).mul(x.matMul(up.transpose())).matMul(down.transpose());
        });
        return gate;
    }

    private static Rope rope(ModelConfig config, NDManager manager) {
        return new Rope(config, INPUTS[0].length, manager);
    }

    private static void moveLayerOneIntoAnExpert(TinyCheckpoint tiny, Path folder) {
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        tiny.weights.forEach((name, values) -> entries.add(new SafetensorsWriter.Entry(
                name.replace("model.layers.1.mlp.", EXPERT), tiny.dtype, tiny.shapes.get(name),
                TensorContent.of(values))));
        SafetensorsWriter.write(folder.resolve("model.safetensors"), entries, Map.of("format", "pt"));
    }
}

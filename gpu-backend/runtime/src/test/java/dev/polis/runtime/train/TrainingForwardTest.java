package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.Rope;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The training forward computes the same logits as the inference runtime on the same checkpoint. */
class TrainingForwardTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}: kvHeads {1}, tied {2}, qkv bias {3}")
    @CsvSource({"llama, 2, false, false", "qwen2, 1, true, true", "llama, 4, true, false"})
    void logitsEqualTheInferenceForward(String type, int kvHeads, boolean tied, boolean bias) {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.modelType = type;
        tiny.kvHeads = kvHeads;
        tiny.tied = tied;
        tiny.qkvBias = bias;
        Path folder = tiny.writeTo(temp.resolve(type + kvHeads));
        int[][] tokens = {{1, 5, 9, 3, 17, 22, 4, 8, 30, 2, 11, 7}, {3, 3, 39, 0, 12, 5, 6, 18, 25, 1, 9, 14}};
        ModelConfig config = ConfigReader.read(folder.resolve("config.json"));
        float[][][] expected = new float[tokens.length][][];
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            for (int b = 0; b < tokens.length; b++) {
                try (TransformerSession session = lm.newSession()) {
                    expected[b] = session.append(tokens[b]);
                }
            }
        }
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu());
             NDManager step = manager.newSubManager()) {
            TrainableWeights weights = TrainableWeights.load(config, folder, manager);
            TrainingForward forward = new TrainingForward(config, weights.weights(),
                    new Rope(config, tokens[0].length, manager));
            float[] actual = forward.fullLogits(step, tokens).toFloatArray();
            int vocab = config.vocabSize();
            double worst = 0;
            for (int b = 0; b < tokens.length; b++) {
                for (int t = 0; t < tokens[b].length; t++) {
                    for (int v = 0; v < vocab; v++) {
                        float a = actual[(b * tokens[b].length + t) * vocab + v];
                        worst = Math.max(worst, Math.abs(a - expected[b][t][v]));
                    }
                }
            }
            assertThat(worst).isLessThan(1e-4);
            assertThat(weights.parameters()).hasSize(tied ? 2 + 6 * config.layers() + (bias ? config.layers() : 0)
                    : 3 + 6 * config.layers() + (bias ? config.layers() : 0));
        }
    }
}

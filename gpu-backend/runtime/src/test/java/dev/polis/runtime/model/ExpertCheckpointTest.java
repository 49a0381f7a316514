package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.SafetensorsWriter;
import dev.polis.runtime.checkpoint.TensorContent;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.CheckpointTensors;
import dev.polis.runtime.seam.FeedForwardSeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint whose layer holds experts instead of the dense feed-forward tensors (MH-MoE) loads: the weights seam
 * names its extra tensors and the layer without a dense block, sessions are refused until an accelerator replaces
 * that block, and an accelerator that builds it from the extra tensors (a single expert holding the original dense
 * weights under its own names) gives the float64 reference of the dense model.
 */
class ExpertCheckpointTest {

    private static final int[] PROMPT = {1, 5, 9, 17, 3, 33, 8, 21, 4, 12, 30, 2};
    private static final String EXPERT = "model.layers.1.mlp.experts.0.";

    @TempDir
    Path folder;

    @Test
    void anExpertLayerLoadsAndComputesOnceAnAcceleratorSuppliesItsBlock() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.writeTo(folder);
        double[][] expected = new ReferenceForward(checkpoint).logits(PROMPT);
        moveDenseWeightsOfLayerOneIntoAnExpert(checkpoint);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            CheckpointTensors tensors = lm.seam(CheckpointTensors.class).orElseThrow();
            assertThat(tensors.layersWithoutFeedForward()).containsExactly(1);
            assertThat(tensors.extraNames()).containsExactly(EXPERT + "down_proj.weight",
                    EXPERT + "gate_proj.weight", EXPERT + "up_proj.weight");
            assertThat(tensors.shape(EXPERT + "down_proj.weight")).containsExactly(32, 48);
            assertThatThrownBy(lm::newSession).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("layer 1 has no dense feed-forward tensors")
                    .hasMessageContaining("install the accelerator");
            installSingleExpert(lm, tensors);
            try (TransformerSession session = lm.newSession()) {
                ReferenceLogitsTest.assertClose(session.append(PROMPT), expected);
            }
        }
    }

    /** Rewrites the checkpoint with layer 1's gate/up/down projections renamed to a single expert's. */
    private void moveDenseWeightsOfLayerOneIntoAnExpert(TinyCheckpoint checkpoint) {
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        checkpoint.weights.forEach((name, values) -> {
            String renamed = name.startsWith("model.layers.1.mlp.") ? name.replace("model.layers.1.mlp.", EXPERT)
                    : name;
            entries.add(new SafetensorsWriter.Entry(renamed, checkpoint.dtype, checkpoint.shapes.get(name),
                    TensorContent.of(values)));
        });
        SafetensorsWriter.write(folder.resolve("model.safetensors"), entries, Map.of("format", "pt"));
    }

    /** The accelerator side: builds SwiGLU from the expert's tensors and puts it in place of each missing block. */
    private static void installSingleExpert(TransformerLm lm, CheckpointTensors tensors) {
        FeedForwardSeam seam = lm.seam(FeedForwardSeam.class).orElseThrow();
        for (int layer : tensors.layersWithoutFeedForward()) {
            String p = "model.layers." + layer + ".mlp.experts.0.";
            NDArray gate = tensors.load(p + "gate_proj.weight", seam.manager());
            NDArray up = tensors.load(p + "up_proj.weight", seam.manager());
            NDArray down = tensors.load(p + "down_proj.weight", seam.manager());
            seam.replace(layer, missing -> x -> {
                NDArray g = x.matMul(gate.transpose());
                return g.mul(Activation.sigmoid(g)).mul(x.matMul(up.transpose())).matMul(down.transpose());
            });
        }
    }
}

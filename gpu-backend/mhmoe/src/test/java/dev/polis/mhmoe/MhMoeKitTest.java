package dev.polis.mhmoe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;
import dev.polis.runtime.checkpoint.SafetensorsWriter;
import dev.polis.runtime.checkpoint.TensorContent;
import dev.polis.runtime.checkpoint.TensorDType;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.testkit.AcceleratorCompatibilityKit;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sdk-testkit's accelerator kit on a real checkpoint: a three-layer Llama whose every feed-forward block is an
 * MH-MoE block with one head, no projections and a single expert holding the dense weights, so the installed model
 * must give the dense checkpoint's tokens and logits (the gate's softmax over one expert is exactly 1). Routing
 * metrics count one expert per token.
 */
class MhMoeKitTest extends AcceleratorCompatibilityKit {

    @TempDir
    static Path temp;

    private static Path dense;
    private static Path experts;
    private static TransformerLm reference;

    @BeforeAll
    static void writeCheckpoints() throws IOException {
        TinyCheckpoint tiny = new TinyCheckpoint();
        tiny.layers = 3;
        tiny.seed = 18;
        dense = tiny.writeTo(temp.resolve("dense"));
        experts = Files.createDirectories(temp.resolve("experts"));
        String config = tiny.configJson().trim();
        Files.writeString(experts.resolve("config.json"), config.substring(0, config.length() - 1)
                + ", \"mhmoe\": {\"heads\": 1, \"num_experts\": 1, \"top_k\": 1, \"expert_intermediate_size\": "
                + tiny.intermediate + ", \"projections\": false}}");
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        tiny.weights.forEach((name, values) -> entries.add(new SafetensorsWriter.Entry(
                name.replaceAll("^(model\\.layers\\.\\d+\\.mlp\\.)", "$1experts.0."), TensorDType.F32,
                tiny.shapes.get(name), TensorContent.of(values))));
        for (int layer = 0; layer < 3; layer++) {
            float[] gate = new float[tiny.hidden];
            java.util.Arrays.fill(gate, 0.25f);
            entries.add(new SafetensorsWriter.Entry("model.layers." + layer + ".mlp.gate.weight", TensorDType.F32,
                    new long[] {1, tiny.hidden}, TensorContent.of(gate)));
        }
        SafetensorsWriter.write(experts.resolve("model.safetensors"), entries, Map.of("format", "pt"));
    }

    @AfterAll
    static void closeReference() {
        if (reference != null) {
            reference.close();
        }
    }

    @Override
    protected Accelerator createAccelerator() {
        return new MhMoe();
    }

    @Override
    protected Subject newModel() {
        TransformerLm lm = TransformerLm.load(experts, LoadOptions.DEFAULTS);
        return new Subject(lm, lm.acceleratorTarget(), lm);
    }

    @Override
    protected CausalLm reference() {
        if (reference == null) {
            reference = TransformerLm.load(dense, LoadOptions.DEFAULTS);
        }
        return reference;
    }

    /**
     * The kit runs the other model with nothing installed, which an MH-MoE checkpoint cannot do (its layers have no
     * dense block): here the other model must still refuse a session, naming the missing block, after one was
     * installed into and run.
     */
    @Override
    @Test
    public void installingIntoOneModelLeavesAnotherUntouched() throws Exception {
        try (Subject other = newModel()) {
            try (Subject subject = newModel()) {
                createAccelerator().install(subject.target(), settings());
                try (LmSession session = subject.lm().newSession()) {
                    session.appendLast(prompts().get(0));
                }
            }
            assertThatThrownBy(() -> other.lm().newSession()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("layer 0 has no dense feed-forward tensors");
        }
    }

    @Test
    void everyLayerCountsOneExpertPerTokenAndNoDrops() throws Exception {
        MhMoe moe = new MhMoe();
        try (Subject subject = newModel()) {
            moe.install(subject.target(), TestSettings.of("capacity_factor", 1.0));
            try (LmSession session = subject.lm().newSession()) {
                session.appendLast(new int[] {4, 9, 2, 30, 7});
                session.appendLast(new int[] {11});
            }
        }
        assertThat(moe.stats()).hasSize(3).allSatisfy(s -> {
            assertThat(s.tokens()).isEqualTo(6);
            assertThat(s.distinctPerToken()).isEqualTo(1.0);
            assertThat(s.ratios()).containsExactly(1.0);
            assertThat(s.dropped()).isZero();
        });
    }
}

package dev.polis.lazyllm;

import java.nio.file.Path;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.runtime.fixtures.ReferenceLm;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.testkit.AcceleratorCompatibilityKit;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * LazyLLM passes the accelerator kit with every keep fraction 1 (rates 0) and the pruning path on for every prompt
 * (minPrompt 2): greedy tokens and logits equal the float64 reference of the plain model, through prefill, decode
 * steps and crop-and-resume; a model without the runtime's seams is refused by name.
 */
class LazyLlmKitTest extends AcceleratorCompatibilityKit {

    @TempDir
    static Path folder;

    static TinyCheckpoint checkpoint;

    @BeforeAll
    static void writeCheckpoint() {
        checkpoint = TinyModel.write(folder, 3, 21);
    }

    @Override
    protected Accelerator createAccelerator() {
        return new LazyLlm(report -> { });
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("schedule", "0:1,1:1", "minPrompt", 2);
    }

    @Override
    protected Subject newModel() {
        TransformerLm lm = TinyModel.load(folder);
        return new Subject(lm, lm.acceleratorTarget(), lm);
    }

    @Override
    protected CausalLm reference() {
        return ReferenceLm.causal(checkpoint);
    }
}

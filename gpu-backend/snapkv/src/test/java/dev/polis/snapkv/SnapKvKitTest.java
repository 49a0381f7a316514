package dev.polis.snapkv;

import java.nio.file.Path;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.snapkv.policy.Pooling;
import dev.polis.snapkv.policy.SnapKvSettings;
import dev.polis.testkit.AcceleratorCompatibilityKit;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * SnapKV passes the accelerator kit against SnapKV computed independently in float64 (the reference chooses the kept
 * keys itself from its own attention probabilities and masks the rest): capacity 5, window 2, max-pool kernel 3, so
 * the kit's 12- and 7-token prompts keep 3 voted prefix keys and the window per layer and key/value head.
 */
class SnapKvKitTest extends AcceleratorCompatibilityKit {

    static final SnapKvSettings SETTINGS = new SnapKvSettings(5, 2, 3, Pooling.MAX);

    @TempDir
    static Path folder;

    static TinyCheckpoint checkpoint;

    @BeforeAll
    static void writeCheckpoint() {
        checkpoint = TinyModel.write(folder, 21);
    }

    @Override
    protected Accelerator createAccelerator() {
        return new SnapKv(event -> { });
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("capacity", SETTINGS.capacity(), "window", SETTINGS.window(), "kernel",
                SETTINGS.kernel(), "pooling", "max");
    }

    @Override
    protected Subject newModel() {
        TransformerLm lm = TinyModel.load(folder);
        return new Subject(lm, lm.acceleratorTarget(), lm);
    }

    @Override
    protected CausalLm reference() {
        return new SnapKvReference(checkpoint, SETTINGS);
    }
}

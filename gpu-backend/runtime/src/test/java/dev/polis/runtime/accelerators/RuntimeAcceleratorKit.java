package dev.polis.runtime.accelerators;

import java.nio.file.Path;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.testkit.AcceleratorCompatibilityKit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AcceleratorCompatibilityKit} on a real checkpoint: a three-layer Llama with grouped-query attention written
 * by {@link TinyCheckpoint} (seeded) and loaded by the runtime, fresh for every subject.
 */
abstract class RuntimeAcceleratorKit extends AcceleratorCompatibilityKit {

    @TempDir
    static Path folder;

    static TinyCheckpoint checkpoint;

    @BeforeAll
    static void writeCheckpoint() {
        checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.seed = 21;
        checkpoint.writeTo(folder);
    }

    @Override
    protected Subject newModel() {
        TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS);
        return new Subject(lm, lm.acceleratorTarget(), lm);
    }
}

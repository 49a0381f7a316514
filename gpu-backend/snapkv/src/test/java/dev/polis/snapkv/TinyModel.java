package dev.polis.snapkv;

import java.nio.file.Path;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;

/** The tests' checkpoint: a three-layer Llama with grouped-query attention (4 query heads, 2 key/value heads). */
final class TinyModel {

    private TinyModel() {
    }

    /** Writes a seeded checkpoint into {@code folder} and returns it (its weights are the reference's). */
    static TinyCheckpoint write(Path folder, long seed) {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.seed = seed;
        checkpoint.writeTo(folder);
        return checkpoint;
    }

    /** Loads the checkpoint in {@code folder}. */
    static TransformerLm load(Path folder) {
        return TransformerLm.load(folder, LoadOptions.DEFAULTS);
    }
}

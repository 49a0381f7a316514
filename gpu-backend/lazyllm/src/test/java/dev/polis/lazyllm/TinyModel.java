package dev.polis.lazyllm;

import java.nio.file.Path;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;

/** The tests' checkpoint: a seeded Llama with grouped-query attention (4 query heads, 2 key/value heads). */
final class TinyModel {

    private TinyModel() {
    }

    /** Writes a seeded checkpoint of {@code layers} layers into {@code folder} and returns it. */
    static TinyCheckpoint write(Path folder, int layers, long seed) {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = layers;
        checkpoint.seed = seed;
        checkpoint.writeTo(folder);
        return checkpoint;
    }

    /** Loads the checkpoint in {@code folder}. */
    static TransformerLm load(Path folder) {
        return TransformerLm.load(folder, LoadOptions.DEFAULTS);
    }

    /** Returns {@code n} token ids drawn from a fixed sequence within the tiny vocabulary (40). */
    static int[] prompt(int n, int salt) {
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = (int) ((i * 7L + salt * 13L + (i * i) % 11) % 37) + 1;
        }
        return tokens;
    }
}

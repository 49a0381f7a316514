package dev.polis.lazyllm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.lazyllm.prune.LazySettings;
import dev.polis.lazyllm.prune.PrefillReport;
import dev.polis.lazyllm.prune.Schedule;
import dev.polis.lazyllm.prune.SessionStates;
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

    /** A model with LazyLLM installed, its sessions' states and the reports of its prompts. */
    record Lazy(TransformerLm lm, SessionStates states, List<PrefillReport> reports) implements AutoCloseable {

        @Override
        public void close() {
            lm.close();
        }
    }

    /** Loads {@code folder} and installs LazyLLM with {@code schedule}, pruning prompts of 2 tokens or more. */
    static Lazy lazy(Path folder, String schedule) {
        TransformerLm lm = load(folder);
        List<PrefillReport> reports = new ArrayList<>();
        SessionStates states = new LazyLlm(reports::add).install(lm.acceleratorTarget(),
                new LazySettings(Schedule.parse(schedule, lm.config().layers(), "schedule"), 2));
        return new Lazy(lm, states, reports);
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

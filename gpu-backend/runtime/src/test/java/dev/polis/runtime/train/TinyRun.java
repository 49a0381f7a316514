package dev.polis.runtime.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.runtime.fixtures.TestHost;

/** A tiny architecture, a small repetitive corpus and options for bounded training tests. */
final class TinyRun {

    static final String ARCH = """
            {"model_type": "llama", "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 3,
             "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 64, "seed": 5,
             "init_std": 0.05}
            """;

    final Path root;
    final Path arch;
    final Path corpus;
    final StringWriter logText = new StringWriter();

    TinyRun(Path root) {
        this.root = root;
        try {
            arch = Files.writeString(root.resolve("arch.json"), ARCH);
            corpus = Files.createDirectories(root.resolve("corpus"));
            String[] animals = {"fox", "dog", "cat", "owl", "bee", "elk"};
            for (int d = 0; d < 30; d++) {
                StringBuilder text = new StringBuilder();
                for (int line = 0; line < 12; line++) {
                    String a = animals[(d + line) % animals.length];
                    text.append("the quick brown ").append(a).append(" jumps over the lazy ")
                            .append(animals[(d * 7 + line) % animals.length]).append(", again and again.\n");
                }
                Files.writeString(corpus.resolve(String.format("doc%02d.txt", d)), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TrainingOptions options(long steps) {
        return new TrainingOptions(List.of(corpus.toString()), 1 << 20, steps, 4, 32, 1e-2, 3, 0.1, 0.0, 0.9,
                0.95, 1.0, 0, 2, 0, 5, 11, 0.2, 24, TrainingRecipe.PLAIN, Map.of(), WindowStarts.ANYWHERE);
    }

    Trainer trainer(TrainingRecipe... recipes) {
        return new Trainer(RecipeLookup.using(TestHost.extensions(recipes)), TestHost.settings(),
                new PrintWriter(logText, true));
    }

    Path out(String name) {
        return root.resolve(name);
    }
}

package dev.polis.mhmoe.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.polis.core.cli.PolisCli;

/** Runs the real {@code polis} command line in-process, this plugin's extensions found on the class path. */
final class Polis {

    /** What a command printed and returned. */
    record Run(int status, String out, String err) {
    }

    private final Path noPlugins;

    Polis(Path temp) {
        try {
            noPlugins = Files.createDirectories(temp.resolve("no-plugins"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = execute(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    int execute(Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--plugins-dir";
        all[1] = noPlugins.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return PolisCli.execute(all, out, err, environment);
    }

    /** Writes a tiny llama architecture with an mhmoe block (its fields as JSON, e.g. {@code "heads": 3}). */
    static Path arch(Path folder, String name, String moe) {
        try {
            return Files.writeString(folder.resolve(name), """
                    {"model_type": "llama", "hidden_size": 24, "intermediate_size": 48, "num_hidden_layers": 2,
                     "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 128, "seed": 3,
                     "init_std": 0.05, "mhmoe": {%s}}
                    """.formatted(moe));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a small repetitive corpus folder. */
    static Path corpus(Path folder) {
        try {
            Path corpus = Files.createDirectories(folder.resolve("corpus"));
            String[] animals = {"fox", "dog", "cat", "owl", "bee", "elk"};
            for (int d = 0; d < 20; d++) {
                StringBuilder text = new StringBuilder();
                for (int line = 0; line < 10; line++) {
                    text.append("the quick brown ").append(animals[(d + line) % 6]).append(" jumps over the lazy ")
                            .append(animals[(d * 5 + line) % 6]).append(".\n");
                }
                Files.writeString(corpus.resolve("doc" + d + ".txt"), text);
            }
            return corpus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

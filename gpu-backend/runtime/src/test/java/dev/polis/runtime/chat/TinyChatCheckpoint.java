package dev.polis.runtime.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.runtime.checkpoint.ArchitectureSpec;
import dev.polis.runtime.checkpoint.CheckpointInitializer;

/**
 * Writes a tiny random Llama checkpoint the way {@code polis model init} does (byte-level ChatML tokenizer, chat
 * template, generation config): a complete chat model for tests.
 */
final class TinyChatCheckpoint {

    private static final String ARCHITECTURE = """
            {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
             "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": %d,
             "tie_word_embeddings": true, "seed": 7, "init_std": 0.5}
            """;

    private TinyChatCheckpoint() {
    }

    /** Writes the architecture description and, beside it, the checkpoint folder {@code model}; returns the latter. */
    static Path writeTo(Path folder) {
        return writeTo(folder, 512);
    }

    /** Writes the checkpoint as {@link #writeTo(Path)} does, holding {@code context} tokens (prompts with tools are long). */
    static Path writeTo(Path folder, int context) {
        try {
            Path description = Files.writeString(folder.resolve("architecture.json"), ARCHITECTURE.formatted(context));
            Path checkpoint = Files.createDirectories(folder.resolve("model"));
            CheckpointInitializer.write(ArchitectureSpec.read(description), description, checkpoint);
            return checkpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

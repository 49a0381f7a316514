package dev.polis.runtime.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.tokenizer.TokenizerFiles;

/**
 * What {@code polis model init} builds: a small JSON description using config.json's own field names
 * ({@code model_type}, {@code hidden_size}, {@code num_hidden_layers}, ...) plus {@code dtype}, {@code seed},
 * {@code init_std} and {@code special_tokens}. A Hugging Face config.json is itself a valid description.
 *
 * @param config        the architecture, as it will be written to config.json
 * @param dtype         the element type of the weights
 * @param seed          seeds the random weights
 * @param initStd       standard deviation of the random matrices
 * @param specialTokens the tokenizer's special tokens
 */
public record ArchitectureSpec(JsonNode config, TensorDType dtype, long seed, double initStd,
                               List<String> specialTokens) {

    /** Reads a description from {@code file}, checking it the way a checkpoint's config.json is checked. */
    public static ArchitectureSpec read(Path file) {
        JsonNode root = ConfigReader.readTree(file);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).putIfAbsent("model_type",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("llama"));
        String dtypeName = root.path("dtype").asText(root.path("torch_dtype").asText("float32"));
        TensorDType dtype = TensorDType.parse(dtypeName).orElseThrow(() -> new InvalidInputException(file
                + ": dtype '" + dtypeName + "' is not supported (float32, float16, bfloat16)"));
        List<String> specials = new ArrayList<>();
        JsonNode listed = root.path("special_tokens");
        if (listed.isArray()) {
            listed.forEach(n -> specials.add(n.asText()));
        } else {
            specials.addAll(TokenizerFiles.CHATML_SPECIAL_TOKENS);
        }
        double std = root.path("init_std").asDouble(root.path("initializer_range").asDouble(0.02));
        ConfigReader.parse(file, withDefaults(root, 256 + specials.size()));
        return new ArchitectureSpec(root, dtype, root.path("seed").asLong(42), std, List.copyOf(specials));
    }

    /** Returns the config for {@code vocab} tokens when the description names no vocabulary size. */
    static JsonNode withDefaults(JsonNode root, int vocab) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) root).deepCopy();
        copy.putIfAbsent("vocab_size", com.fasterxml.jackson.databind.node.IntNode.valueOf(vocab));
        return copy;
    }

    /** Returns the parsed architecture for a tokenizer of {@code tokenizerSize} ids. */
    ModelConfig modelConfig(Path file, int tokenizerSize) {
        return ConfigReader.parse(file, withDefaults(config, tokenizerSize));
    }
}

package dev.polis.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;

/** Reads a Hugging Face {@code config.json} into a {@link ModelConfig}, checking what this runtime supports. */
public final class ConfigReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws InvalidInputException when the file is missing, not JSON, of an unsupported architecture, or
     *                               inconsistent; the message names the file and the field
     */
    public static ModelConfig read(Path file) {
        return parse(file, readTree(file));
    }

    /** Reads a JSON file as a tree, turning every failure into a message that names the file. */
    public static JsonNode readTree(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new InvalidInputException(file + " must hold a JSON object");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist; a checkpoint folder needs it");
        } catch (IOException e) {
            throw new InvalidInputException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Turns a parsed config into a {@link ModelConfig}; {@code file} is named in messages. */
    public static ModelConfig parse(Path file, JsonNode root) {
        Fields f = new Fields(file, root);
        String type = root.path("model_type").asText("");
        if (!ModelConfig.SUPPORTED_TYPES.contains(type)) {
            throw new InvalidInputException(file + ": model_type '" + type + "' is not supported (supported: "
                    + String.join(", ", ModelConfig.SUPPORTED_TYPES) + ")");
        }
        if (root.path("mlp_bias").asBoolean(false)) {
            throw new InvalidInputException(file + ": mlp_bias true is not supported (SwiGLU without biases only)");
        }
        String act = root.path("hidden_act").asText("silu");
        if (!act.equals("silu")) {
            throw new InvalidInputException(file + ": hidden_act '" + act + "' is not supported (silu only)");
        }
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int kvHeads = root.hasNonNull("num_key_value_heads") ? f.positive("num_key_value_heads") : heads;
        if (heads % kvHeads != 0) {
            throw new InvalidInputException(file + ": num_attention_heads " + heads
                    + " must be a multiple of num_key_value_heads " + kvHeads);
        }
        int headDim = root.hasNonNull("head_dim") ? f.positive("head_dim") : hidden / heads;
        if (!root.hasNonNull("head_dim") && hidden % heads != 0) {
            throw new InvalidInputException(file + ": hidden_size " + hidden + " is not a multiple of "
                    + "num_attention_heads " + heads + " and no head_dim is given");
        }
        if (headDim % 2 != 0) {
            throw new InvalidInputException(file + ": head dimension " + headDim + " must be even for rotary embeddings");
        }
        boolean attentionBias = root.path("attention_bias").asBoolean(false);
        boolean qwen = type.equals("qwen2");
        int slidingWindow = 0;
        if (type.equals("mistral") || root.path("use_sliding_window").asBoolean(false)) {
            slidingWindow = root.path("sliding_window").asInt(0);
        }
        return new ModelConfig(type, hidden, f.positive("intermediate_size"), f.positive("num_hidden_layers"),
                heads, kvHeads, headDim, f.positive("vocab_size"), root.path("rms_norm_eps").asDouble(1e-6),
                root.path("rope_theta").asDouble(10000.0), ropeScaling(file, root.path("rope_scaling")),
                root.path("max_position_embeddings").asInt(2048), slidingWindow,
                root.path("tie_word_embeddings").asBoolean(false), qwen || attentionBias, !qwen && attentionBias,
                ids(root.path("eos_token_id")), root.path("bos_token_id").asInt(-1),
                root.hasNonNull("torch_dtype") ? root.get("torch_dtype").asText() : null);
    }

    /** Reads a token id or a list of them (eos_token_id is either). */
    public static List<Integer> ids(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> ids.add(n.asInt()));
        } else if (node.isNumber()) {
            ids.add(node.asInt());
        }
        return ids;
    }

    private static RopeScaling ropeScaling(Path file, JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String type = node.hasNonNull("rope_type") ? node.get("rope_type").asText() : node.path("type").asText("");
        return switch (type) {
            case "default", "" -> null;
            case "linear" -> new RopeScaling("linear", node.path("factor").asDouble(1.0), 0, 0, 0);
            case "llama3" -> {
                double low = node.path("low_freq_factor").asDouble(1.0);
                double high = node.path("high_freq_factor").asDouble(4.0);
                if (high <= low) {
                    throw new InvalidInputException(file + ": rope_scaling.high_freq_factor " + high
                            + " must exceed low_freq_factor " + low);
                }
                yield new RopeScaling("llama3", node.path("factor").asDouble(8.0), low, high,
                        node.path("original_max_position_embeddings").asInt(8192));
            }
            default -> throw new InvalidInputException(file + ": rope_scaling type '" + type
                    + "' is not supported (supported: default, linear, llama3)");
        };
    }

    private record Fields(Path file, JsonNode root) {
        int positive(String name) {
            JsonNode n = root.get(name);
            if (n == null || !n.canConvertToInt() || n.asInt() <= 0) {
                throw new InvalidInputException(file + ": " + name + " must be a positive integer but is "
                        + (n == null ? "missing" : n.toString()));
            }
            return n.asInt();
        }
    }
}

package dev.polis.runtime.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.InvalidInputException;

/**
 * Makes a checkpoint deeper, to be trained further with {@code polis model train --init}.
 *
 * <p>The new checkpoint holds the source's layers, then the new ones, filled by a {@link GrowthMethod}:
 * <ul>
 *   <li>{@link GrowthMethod#EXPAND}: copies of the last layer whose output projections ({@code self_attn.o_proj} and
 *       {@code mlp.down_proj}, weights and biases) are zero. A pre-norm block with zero output projections adds
 *       nothing to the residual stream, so the deeper model's logits equal the source's until training moves those
 *       projections; the copied query, key, value, gate and up projections give the new blocks the last layer's
 *       attention patterns to start from instead of noise.</li>
 *   <li>{@link GrowthMethod#STACK}: full copies of the source's layers in order, every tensor of the layer, whatever
 *       it is; the grown model repeats its source's computation and must be trained before use.</li>
 *   <li>{@link GrowthMethod#INSERT}: block expansion with the new blocks between the source's last layer and the one
 *       before it; the grown model computes what its source does, and each new block's attention, computed from the
 *       same residual stream as the last layer's, is that layer's attention.</li>
 * </ul>
 */
public final class DepthGrowth {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> MODEL_TYPES = Set.of("llama", "qwen2", "mistral");
    private static final Set<String> COPIED = Set.of("input_layernorm.weight", "post_attention_layernorm.weight",
            "self_attn.q_proj.weight", "self_attn.q_proj.bias", "self_attn.k_proj.weight", "self_attn.k_proj.bias",
            "self_attn.v_proj.weight", "self_attn.v_proj.bias", "mlp.gate_proj.weight", "mlp.up_proj.weight");
    private static final Set<String> ZEROED = Set.of("self_attn.o_proj.weight", "self_attn.o_proj.bias",
            "mlp.down_proj.weight", "mlp.down_proj.bias");
    private static final List<String> COPIED_FILES = List.of("generation_config.json", "tokenizer.json",
            "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja");

    private DepthGrowth() {
    }

    /**
     * Writes into {@code folder} the checkpoint of {@code source} grown to {@code layers} layers by block expansion.
     *
     * @see #write(Path, int, GrowthMethod, Path)
     */
    public static ModelConfig write(Path source, int layers, Path folder) {
        return write(source, layers, GrowthMethod.EXPAND, folder);
    }

    /**
     * Writes into {@code folder} the checkpoint of {@code source} grown to {@code layers} layers by {@code method}
     * (config.json with the new depth, one {@code model.safetensors} in the source's element types, the tokenizer
     * and generation files copied).
     *
     * @return the grown checkpoint's architecture
     * @throws InvalidInputException when {@code source} is no checkpoint of a supported type, {@code layers} is not
     *                               larger than its depth, or (expansion only) its last layer holds a tensor this
     *                               class cannot place
     */
    public static ModelConfig write(Path source, int layers, GrowthMethod method, Path folder) {
        ModelConfig from = ConfigReader.read(source.resolve("config.json"));
        if (!MODEL_TYPES.contains(from.modelType())) {
            throw new InvalidInputException(source.resolve("config.json") + ": model_type '" + from.modelType()
                    + "' cannot be grown; depth growth knows the layer layout of " + String.join(", ",
                    MODEL_TYPES.stream().sorted().toList()));
        }
        if (layers <= from.layers()) {
            throw new InvalidInputException("--layers " + layers + ": " + source + " already has " + from.layers()
                    + " layers; name a larger depth (the new layers are added after the last one)");
        }
        try (CheckpointWeights weights = CheckpointWeights.open(source, SafetensorsFile.DEFAULT_SPLIT_BYTES)) {
            List<SafetensorsWriter.Entry> entries = method == GrowthMethod.STACK
                    ? stacked(weights, from.layers(), layers)
                    : expanded(weights, from.layers(), layers, method == GrowthMethod.INSERT);
            Files.createDirectories(folder);
            SafetensorsWriter.write(folder.resolve(CheckpointWeights.SINGLE_FILE), entries, Map.of("format", "pt",
                    "polis.grown-from-layers", Integer.toString(from.layers()), "polis.growth", method.label()));
            writeConfig(source, folder, layers, method);
            for (String name : COPIED_FILES) {
                if (Files.isRegularFile(source.resolve(name))) {
                    Files.copy(source.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grown checkpoint into " + folder, e);
        }
        return ConfigReader.read(folder.resolve("config.json"));
    }

    private static List<SafetensorsWriter.Entry> stacked(CheckpointWeights weights, int depth, int layers) {
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        for (String name : weights.names().stream().sorted().toList()) {
            entries.add(copy(weights, name, name, false));
        }
        for (int i = depth; i < layers; i++) {
            String source = "model.layers." + (i % depth) + ".";
            for (String name : weights.names().stream().filter(n -> n.startsWith(source)).sorted().toList()) {
                entries.add(copy(weights, name, "model.layers." + i + "." + name.substring(source.length()), false));
            }
        }
        return entries;
    }

    /** Block expansion; with {@code beforeLast} the new blocks go between the last layer and the one before it. */
    private static List<SafetensorsWriter.Entry> expanded(CheckpointWeights weights, int depth, int layers,
                                                          boolean beforeLast) {
        String last = "model.layers." + (depth - 1) + ".";
        List<String> lastLayer = weights.names().stream().filter(n -> n.startsWith(last)).sorted().toList();
        for (String name : lastLayer) {
            String part = name.substring(last.length());
            if (!COPIED.contains(part) && !ZEROED.contains(part)) {
                throw new InvalidInputException(weights.label() + ": tensor '" + name + "' is not one of a Llama "
                        + "block's; block expansion cannot tell whether it writes into the residual stream, so it "
                        + "cannot grow this checkpoint");
            }
        }
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        String moved = "model.layers." + (beforeLast ? layers - 1 : depth - 1) + ".";
        for (String name : weights.names().stream().sorted().toList()) {
            entries.add(copy(weights, name, name.startsWith(last) ? moved + name.substring(last.length()) : name,
                    false));
        }
        int first = beforeLast ? depth - 1 : depth;
        for (int i = first; i < first + layers - depth; i++) {
            for (String name : lastLayer) {
                String part = name.substring(last.length());
                entries.add(copy(weights, name, "model.layers." + i + "." + part, ZEROED.contains(part)));
            }
        }
        return entries;
    }

    private static SafetensorsWriter.Entry copy(CheckpointWeights weights, String from, String to, boolean zero) {
        TensorInfo t = weights.find(from).orElseThrow();
        if (zero) {
            return new SafetensorsWriter.Entry(to, t.dtype(), t.shape(), (chunk, first) -> java.util.Arrays.fill(chunk, 0f));
        }
        ByteBuffer bytes = weights.bytes(from);
        TensorContent content = (chunk, first) -> {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = t.dtype().read(bytes, first + i);
            }
        };
        return new SafetensorsWriter.Entry(to, t.dtype(), t.shape(), content);
    }

    private static void writeConfig(Path source, Path folder, int layers, GrowthMethod method) throws IOException {
        ObjectNode config = (ObjectNode) ConfigReader.readTree(source.resolve("config.json")).deepCopy();
        config.put("num_hidden_layers", layers);
        if (config.get("layer_types") instanceof com.fasterxml.jackson.databind.node.ArrayNode types
                && !types.isEmpty()) {
            int depth = types.size();
            while (types.size() < layers) {
                int from = method == GrowthMethod.STACK ? types.size() % depth : depth - 1;
                types.add(types.get(from).deepCopy());
            }
        }
        JSON.writeValue(folder.resolve("config.json").toFile(), config);
    }
}

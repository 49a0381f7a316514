package dev.polis.mhmoe.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.mhmoe.layer.MoeConfig;

/**
 * Reads and checks the {@code mhmoe} block of a checkpoint's config.json (or of the architecture description
 * {@code polis mhmoe init} reads). Keys: {@code layers} (default: all), {@code heads} (1), {@code num_experts},
 * {@code top_k} (1), {@code expert_intermediate_size}, {@code projections} (true), {@code capacity_factor} (1.0),
 * {@code balance_loss_weight} (0.01), {@code normalize_top_k} (false). A bad value names the key and the file.
 */
public final class MoeBlock {

    /** The name of the block in config.json. */
    public static final String KEY = "mhmoe";

    private static final Set<String> KEYS = Set.of("layers", "heads", "num_experts", "top_k",
            "expert_intermediate_size", "projections", "capacity_factor", "balance_loss_weight", "normalize_top_k");

    private MoeBlock() {
    }

    /** Returns whether {@code config} (a config.json tree) has an {@code mhmoe} block. */
    public static boolean present(JsonNode config) {
        return config.has(KEY);
    }

    /**
     * Reads the block of {@code config} (the tree of {@code file}) for a model of width {@code hidden} with
     * {@code layerCount} layers.
     *
     * @throws InvalidInputException when the block is missing or a value is out of range; the message names it
     */
    public static MoeConfig read(JsonNode config, Path file, int hidden, int layerCount) {
        JsonNode block = config.get(KEY);
        if (block == null || !block.isObject()) {
            throw new InvalidInputException(file + " has no '" + KEY + "' block, so the checkpoint has no MH-MoE "
                    + "layers; write one with polis mhmoe init, or do not install accelerator.mhmoe");
        }
        for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InvalidInputException(where(file, name) + " is not a setting (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        int heads = positive(block, file, "heads", 1);
        if (hidden % heads != 0) {
            List<String> divisors = IntStream.rangeClosed(1, Math.min(hidden, 16)).filter(d -> hidden % d == 0)
                    .mapToObj(Integer::toString).toList();
            throw new InvalidInputException(where(file, "heads") + " " + heads + " does not divide hidden_size "
                    + hidden + ": each sub-token is hidden_size/heads wide; use a divisor (" + String.join(", ",
                    divisors) + ", ...)");
        }
        int experts = positive(block, file, "num_experts", -1);
        int topK = positive(block, file, "top_k", 1);
        if (topK > experts) {
            throw new InvalidInputException(where(file, "top_k") + " " + topK + " is above " + KEY
                    + ".num_experts " + experts + ": a sub-token cannot go to more experts than there are");
        }
        int ffn = positive(block, file, "expert_intermediate_size", -1);
        double capacity = number(block, file, "capacity_factor", 1.0);
        double balance = number(block, file, "balance_loss_weight", 0.01);
        List<Integer> layers = layers(block.get("layers"), file, layerCount);
        return new MoeConfig(layers, heads, experts, topK, ffn, bool(block, file, "projections", true), capacity,
                balance, bool(block, file, "normalize_top_k", false));
    }

    private static List<Integer> layers(JsonNode node, Path file, int layerCount) {
        List<Integer> layers = new ArrayList<>();
        if (node == null) {
            IntStream.range(0, layerCount).forEach(layers::add);
            return layers;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidInputException(where(file, "layers") + " must be a non-empty list of layer numbers "
                    + "(0.." + (layerCount - 1) + "), e.g. [1, 3]");
        }
        for (JsonNode n : node) {
            if (!n.canConvertToInt() || n.asInt() < 0 || n.asInt() >= layerCount || layers.contains(n.asInt())) {
                throw new InvalidInputException(where(file, "layers") + ": " + n + " is not a distinct layer of "
                        + "0.." + (layerCount - 1));
            }
            layers.add(n.asInt());
        }
        return layers;
    }

    private static int positive(JsonNode block, Path file, String key, int fallback) {
        JsonNode n = block.get(key);
        if (n == null) {
            if (fallback < 0) {
                throw new InvalidInputException(where(file, key) + " is missing; it is required");
            }
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw new InvalidInputException(where(file, key) + " must be a whole number >= 1 but was " + n);
        }
        return n.asInt();
    }

    private static double number(JsonNode block, Path file, String key, double fallback) {
        JsonNode n = block.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber() || n.asDouble() < 0 || !Double.isFinite(n.asDouble())) {
            throw new InvalidInputException(where(file, key) + " must be a number >= 0 but was " + n);
        }
        return n.asDouble();
    }

    private static boolean bool(JsonNode block, Path file, String key, boolean fallback) {
        JsonNode n = block.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new InvalidInputException(where(file, key) + " must be true or false but was " + n);
        }
        return n.asBoolean();
    }

    private static String where(Path file, String key) {
        return file + ": " + KEY + "." + key;
    }
}

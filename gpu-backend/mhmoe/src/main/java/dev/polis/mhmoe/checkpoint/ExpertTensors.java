package dev.polis.mhmoe.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ai.djl.ndarray.NDArray;
import dev.polis.api.InvalidInputException;
import dev.polis.mhmoe.layer.ExpertWeights;
import dev.polis.mhmoe.layer.MoeConfig;
import dev.polis.mhmoe.layer.MoeWeights;

/**
 * The checkpoint tensors of MH-MoE blocks, under {@code model.layers.<l>.mlp.}: {@code head_proj.weight/bias} and
 * {@code merge_proj.weight/bias} ({@code [D, D]}, {@code [D]}; only with projections), {@code gate.weight}
 * ({@code [E, D/h]}, the router) and {@code experts.<e>.gate_proj/up_proj.weight} ({@code [F, D/h]}) and
 * {@code experts.<e>.down_proj.weight} ({@code [D/h, F]}). Checks a checkpoint against its {@code mhmoe} block.
 */
public final class ExpertTensors {

    private static final Pattern EXPERT = Pattern.compile("model\\.layers\\.(\\d+)\\.mlp\\.(experts\\.(\\d+)\\.|gate\\."
            + "|head_proj\\.|merge_proj\\.).*");

    private ExpertTensors() {
    }

    /** Returns the prefix of layer {@code layer}'s block. */
    public static String prefix(int layer) {
        return "model.layers." + layer + ".mlp.";
    }

    /** Returns every tensor name of {@code layer}'s block with its shape, in a fixed order. */
    public static Map<String, long[]> shapes(MoeConfig config, int hidden, int layer) {
        Map<String, long[]> out = new LinkedHashMap<>();
        String p = prefix(layer);
        long d = config.subWidth(hidden);
        if (config.projections()) {
            out.put(p + "head_proj.weight", new long[] {hidden, hidden});
            out.put(p + "head_proj.bias", new long[] {hidden});
            out.put(p + "merge_proj.weight", new long[] {hidden, hidden});
            out.put(p + "merge_proj.bias", new long[] {hidden});
        }
        out.put(p + "gate.weight", new long[] {config.experts(), d});
        for (int e = 0; e < config.experts(); e++) {
            String x = p + "experts." + e + ".";
            out.put(x + "gate_proj.weight", new long[] {config.expertHidden(), d});
            out.put(x + "up_proj.weight", new long[] {config.expertHidden(), d});
            out.put(x + "down_proj.weight", new long[] {d, config.expertHidden()});
        }
        return out;
    }

    /**
     * Checks that the checkpoint {@code label} (its tensor {@code names}, {@code shape} of each) holds exactly the
     * blocks {@code config} describes: every tensor present with its shape, no dense feed-forward tensors in an
     * MH-MoE layer, and no expert tensor the block does not describe.
     *
     * @throws InvalidInputException naming the first tensor that does not match, and the setting it contradicts
     */
    public static void verify(MoeConfig config, int hidden, Set<String> names, Function<String, long[]> shape,
                              String label) {
        String setting = "config.json's mhmoe block (" + config.describe() + ", hidden_size " + hidden + ")";
        for (int layer : config.layers()) {
            String dense = prefix(layer) + "down_proj.weight";
            if (names.contains(dense)) {
                throw new InvalidInputException(label + ": tensor '" + dense + "' is a dense feed-forward tensor, but "
                        + setting + " makes layer " + layer + " an MH-MoE layer; remove the layer from mhmoe.layers "
                        + "or write the checkpoint with polis mhmoe init");
            }
            for (Map.Entry<String, long[]> t : shapes(config, hidden, layer).entrySet()) {
                if (!names.contains(t.getKey())) {
                    throw new InvalidInputException(label + " has no tensor '" + t.getKey() + "', which " + setting
                            + " needs");
                }
                long[] actual = shape.apply(t.getKey());
                if (!Arrays.equals(actual, t.getValue())) {
                    throw new InvalidInputException(label + ": tensor '" + t.getKey() + "' has shape "
                            + Arrays.toString(actual) + " but " + setting + " needs " + Arrays.toString(t.getValue()));
                }
            }
        }
        for (String name : names) {
            Matcher m = EXPERT.matcher(name);
            if (!m.matches()) {
                continue;
            }
            int layer = Integer.parseInt(m.group(1));
            boolean unknownLayer = !config.isMoe(layer);
            boolean unknownExpert = m.group(3) != null && Integer.parseInt(m.group(3)) >= config.experts();
            boolean projection = !config.projections() && m.group(2).endsWith("_proj.");
            if (unknownLayer || unknownExpert || projection) {
                throw new InvalidInputException(label + ": tensor '" + name + "' does not fit " + setting + ": "
                        + (unknownLayer ? "layer " + layer + " is not in mhmoe.layers"
                        : unknownExpert ? "mhmoe.num_experts is " + config.experts()
                        : "mhmoe.projections is false"));
            }
        }
    }

    /** Builds layer {@code layer}'s weights from tensors read by {@code load} (name to array). */
    public static MoeWeights weights(MoeConfig config, int layer, Function<String, NDArray> load) {
        String p = prefix(layer);
        List<ExpertWeights> experts = new ArrayList<>();
        for (int e = 0; e < config.experts(); e++) {
            String x = p + "experts." + e + ".";
            experts.add(new ExpertWeights(load.apply(x + "gate_proj.weight"), load.apply(x + "up_proj.weight"),
                    load.apply(x + "down_proj.weight")));
        }
        boolean proj = config.projections();
        return new MoeWeights(proj ? load.apply(p + "head_proj.weight") : null,
                proj ? load.apply(p + "head_proj.bias") : null, proj ? load.apply(p + "merge_proj.weight") : null,
                proj ? load.apply(p + "merge_proj.bias") : null, load.apply(p + "gate.weight"), experts);
    }
}

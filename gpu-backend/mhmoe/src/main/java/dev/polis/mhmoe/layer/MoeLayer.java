package dev.polis.mhmoe.layer;

import java.util.ArrayList;
import java.util.List;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * The MH-MoE block (spec §C.1), vectorised: head projection, split of every token into h sub-tokens of
 * {@code D/h}, a float32 softmax gate, top-k routing with capacity ({@link Routing}), dispatch that gathers each
 * expert's sub-tokens and runs only the chosen experts, a weighted scatter back, the merge of the sub-tokens and the
 * merge projection. Every step is a differentiable array operation, so the same code trains and infers.
 */
public final class MoeLayer {

    private final MoeConfig config;
    private final MoeWeights weights;

    /** Creates the block of {@code config} over {@code weights}. */
    public MoeLayer(MoeConfig config, MoeWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /** Returns the block's configuration. */
    public MoeConfig config() {
        return config;
    }

    /** Returns the block's weights. */
    public MoeWeights weights() {
        return weights;
    }

    /**
     * Computes the block for {@code x} ({@code [..., D]}) with expert capacity factor {@code capacityFactor}
     * (0: no limit, nothing dropped).
     */
    public MoeOutput forward(NDArray x, double capacityFactor) {
        Gate gate = gate(x, capacityFactor);
        NDArray merged = scatter(gate, expertOutputs(gate));
        return new MoeOutput(finish(x, merged), gate.balance(), gate.routing());
    }

    /** The sub-tokens, their gate probabilities and routing, and the top-k gate values. */
    record Gate(NDArray subTokens, NDArray probs, Routing routing, NDArray values, NDArray balance) {
    }

    /** Projects, splits and routes {@code x}. */
    Gate gate(NDArray x, double capacityFactor) {
        long hidden = x.getShape().get(x.getShape().dimension() - 1);
        long tokens = x.getShape().size() / hidden;
        NDArray flat = x.reshape(tokens, hidden);
        NDArray projected = weights.head() == null ? flat
                : Linear.linear(flat, weights.head(), weights.headBias()).singletonOrThrow();
        int subTokens = Math.toIntExact(tokens * config.heads());
        NDArray s = projected.reshape(subTokens, hidden / config.heads());
        NDArray s32 = s.getDataType() == DataType.FLOAT32 ? s : s.toType(DataType.FLOAT32, false);
        NDArray probs = s32.matMul(weights.router().transpose()).softmax(-1);
        int e = config.experts();
        int k = config.topK();
        Routing routing = Routing.of(probs.toFloatArray(), subTokens, e, k,
                config.capacity(subTokens, capacityFactor));
        long[] chosen = new long[subTokens * k];
        for (int a = 0; a < chosen.length; a++) {
            chosen[a] = routing.expert(a);
        }
        NDManager m = x.getManager();
        NDArray values = probs.gather(m.create(chosen, new Shape(subTokens, k)), 1);
        if (config.normalizeTopK()) {
            values = values.div(values.sum(new int[] {1}, true));
        }
        long[] first = routing.firstChoices();
        float[] fraction = new float[e];
        for (int i = 0; i < e; i++) {
            fraction[i] = (float) first[i] / subTokens;
        }
        NDArray balance = probs.mean(new int[] {0}).mul(m.create(fraction)).sum().mul(e);
        return new Gate(s, probs, routing, values, balance);
    }

    /** Runs each expert on the sub-tokens routed to it; returns the outputs in dispatch order, or null if none. */
    private NDArray expertOutputs(Gate gate) {
        NDManager m = gate.subTokens().getManager();
        long width = gate.subTokens().getShape().get(1);
        int k = config.topK();
        List<NDArray> outputs = new ArrayList<>();
        for (int e = 0; e < config.experts(); e++) {
            int[] assigned = gate.routing().assignments(e);
            if (assigned.length == 0) {
                continue;
            }
            long[] rows = new long[assigned.length];
            for (int j = 0; j < rows.length; j++) {
                rows[j] = assigned[j] / k;
            }
            NDArray index = m.create(rows, new Shape(rows.length, 1)).broadcast(rows.length, width);
            outputs.add(weights.experts().get(e).apply(gate.subTokens().gather(index, 0)));
        }
        if (outputs.isEmpty()) {
            return null;
        }
        return outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(new NDList(outputs), 0);
    }

    /** Weighs the expert outputs by their gate values and sums each sub-token's back into place: {@code [M, D/h]}. */
    private NDArray scatter(Gate gate, NDArray outputs) {
        NDManager m = gate.subTokens().getManager();
        Routing routing = gate.routing();
        int subTokens = routing.subTokens();
        int k = config.topK();
        long width = gate.subTokens().getShape().get(1);
        if (outputs == null) {
            return gate.subTokens().zerosLike();
        }
        int[] order = routing.dispatchOrder();
        long[] slots = new long[order.length];
        long[] place = new long[subTokens * k];
        java.util.Arrays.fill(place, order.length);
        for (int j = 0; j < order.length; j++) {
            slots[j] = order[j];
            place[order[j]] = j;
        }
        NDArray weightsInOrder = gate.values().reshape(subTokens * k).gather(m.create(slots), 0);
        NDArray weighted = outputs.mul(weightsInOrder.reshape(order.length, 1).toType(outputs.getDataType(), false));
        NDArray withZero = NDArrays.concat(new NDList(weighted, m.zeros(new Shape(1, width), weighted.getDataType())),
                0);
        NDArray index = m.create(place, new Shape(place.length, 1)).broadcast(place.length, width);
        return withZero.gather(index, 0).reshape(subTokens, k, width).sum(new int[] {1});
    }

    /** Merges the sub-tokens back into tokens, applies the merge projection, and restores {@code x}'s shape. */
    NDArray finish(NDArray x, NDArray subTokenOutputs) {
        long hidden = x.getShape().get(x.getShape().dimension() - 1);
        NDArray tokens = subTokenOutputs.reshape(x.getShape().size() / hidden, hidden);
        NDArray merged = weights.merge() == null ? tokens
                : Linear.linear(tokens, weights.merge(), weights.mergeBias()).singletonOrThrow();
        return merged.reshape(x.getShape());
    }
}

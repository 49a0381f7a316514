package dev.polis.mhmoe.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.engine.DjlEnvironment;
import dev.polis.runtime.engine.PyTorchEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vectorised MH-MoE block against references written independently in double precision (spec §C.6): the
 * standard sparse MoE, the per-sub-token loop with capacity, the naive all-experts form; and its balance loss and
 * token-permutation property.
 */
class MoeLayerTest {

    private static final int HIDDEN = 12;

    private NDManager manager;

    @BeforeEach
    void open() {
        DjlEnvironment.prepare();
        manager = PyTorchEngine.get().newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void oneHeadWithIdentityHeadAndMergeIsTheStandardTopKSparseMoe() {
        for (int k : new int[] {1, 2}) {
            MoeConfig withProjections = config(1, 5, k, true, false);
            Weights64 w = Weights64.random(withProjections, HIDDEN, 3 + k).identityProjections(HIDDEN);
            double[][] tokens = tokens(9, 11);
            double[][] expected = new SparseMoeReference(w.router, w.experts, k, false).apply(tokens);
            assertClose(run(new MoeLayer(withProjections, w.arrays(manager)), tokens, 0), expected,
                    "h=1, identity head/merge, top-" + k);
            MoeConfig plain = config(1, 5, k, false, false);
            w.head = null;
            w.merge = null;
            w.headBias = null;
            w.mergeBias = null;
            assertClose(run(new MoeLayer(plain, w.arrays(manager)), tokens, 0), expected,
                    "h=1 without projections, top-" + k);
        }
    }

    @Test
    void theVectorisedLayerEqualsAPerSubTokenLoopWithAndWithoutDrops() {
        for (int heads : new int[] {2, 3, 4}) {
            MoeConfig config = config(heads, 6, 2, true, heads == 3);
            Weights64 w = Weights64.random(config, HIDDEN, 40 + heads);
            double[][] tokens = tokens(7, 50 + heads);
            SubTokenLoopReference loop = new SubTokenLoopReference(config, w);
            MoeLayer layer = new MoeLayer(config, w.arrays(manager));
            assertClose(run(layer, tokens, 0), loop.apply(tokens, 0), "h=" + heads + ", no capacity limit");
            NDArray x = Weights64.array(manager, tokens);
            int dropped = layer.forward(x, 0.5).routing().dropped();
            assertThat(dropped).as("assignments dropped at capacity factor 0.5, h=%d", heads).isPositive();
            assertClose(run(layer, tokens, 0.5), loop.apply(tokens, 0.5), "h=" + heads + ", capacity factor 0.5");
        }
    }

    @Test
    void aBatchOfSequencesIsRoutedLikeTheSameTokensInOneRow() {
        MoeConfig config = config(3, 6, 2, true, false);
        Weights64 w = Weights64.random(config, HIDDEN, 8);
        double[][] tokens = tokens(6, 9);
        MoeLayer layer = new MoeLayer(config, w.arrays(manager));
        NDArray batched = Weights64.array(manager, tokens).reshape(2, 3, HIDDEN);
        NDArray out = layer.forward(batched, 0).output();
        assertThat(out.getShape()).isEqualTo(new Shape(2, 3, HIDDEN));
        assertClose(toRows(out.reshape(6, HIDDEN)), new SubTokenLoopReference(config, w).apply(tokens, 0),
                "[2, 3, D] input");
    }

    @Test
    void runningAllExpertsDenselyGivesTheSameOutputAsTheDispatch() {
        MoeConfig config = config(3, 6, 2, true, true);
        Weights64 w = Weights64.random(config, HIDDEN, 77);
        MoeLayer layer = new MoeLayer(config, w.arrays(manager));
        NDArray x = Weights64.array(manager, tokens(10, 78));
        float[] dispatched = layer.forward(x, 0).output().toFloatArray();
        float[] dense = new AllExpertsLayer(layer).forward(x).toFloatArray();
        for (int i = 0; i < dense.length; i++) {
            assertThat(dispatched[i]).as("value %d", i).isCloseTo(dense[i], within(1e-5f));
        }
    }

    @Test
    void uniformGatesGiveABalanceLossOfExactlyOne() {
        for (int heads : new int[] {1, 2, 4}) {
            MoeConfig config = config(heads, 8, 1, true, false);
            Weights64 w = Weights64.random(config, HIDDEN, 5);
            w.router = new double[8][config.subWidth(HIDDEN)];
            MoeOutput out = new MoeLayer(config, w.arrays(manager)).forward(
                    Weights64.array(manager, tokens(16 / heads, 6)), 1.0);
            assertThat(out.balance().getFloat()).as("l_aux with a zero router, h=%d", heads).isEqualTo(1.0f);
        }
    }

    @Test
    void permutingTokensPermutesTheOutputs() {
        MoeConfig config = config(3, 6, 2, true, false);
        MoeLayer layer = new MoeLayer(config, Weights64.random(config, HIDDEN, 12).arrays(manager));
        double[][] tokens = tokens(8, 13);
        int[] order = {5, 2, 7, 0, 3, 6, 1, 4};
        double[][] permuted = new double[8][];
        for (int i = 0; i < 8; i++) {
            permuted[i] = tokens[order[i]];
        }
        double[][] out = run(layer, tokens, 0);
        double[][] outPermuted = run(layer, permuted, 0);
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < HIDDEN; c++) {
                assertThat(outPermuted[i][c]).as("token %d, value %d", i, c).isCloseTo(out[order[i]][c],
                        within(1e-6));
            }
        }
    }

    @Test
    void parameterCountsAreStatedExactly() {
        MoeConfig mh = new MoeConfig(List.of(0), 3, 4, 1, 8, true, 1, 0.01, false);
        // head + merge 2·(12² + 12) = 312; router 4·4 = 16; experts 4 · 3 · 4 · 8 = 384
        assertThat(mh.parametersPerLayer(HIDDEN)).isEqualTo(712);
        assertThat(RandomWeights.of(mh, HIDDEN, 0.1, 1, manager).parameterCount()).isEqualTo(712);
        MoeConfig sparse = new MoeConfig(List.of(0), 1, 4, 1, 8, false, 1, 0.01, false);
        // router 4·12 = 48; experts 4 · 3 · 12 · 8 = 1,152
        assertThat(sparse.parametersPerLayer(HIDDEN)).isEqualTo(1200);
        assertThat(RandomWeights.of(sparse, HIDDEN, 0.1, 1, manager).parameterCount()).isEqualTo(1200);
        // per token: the experts of h=3 sub-tokens of width 4 cost what one top-1 expert of width 12 costs
        assertThat(mh.multiplyAddsPerToken(HIDDEN) - 2 * 144 - 3 * 4 * 4)
                .isEqualTo(sparse.multiplyAddsPerToken(HIDDEN) - 12 * 4).isEqualTo(288);
    }

    private static MoeConfig config(int heads, int experts, int k, boolean projections, boolean normalize) {
        return new MoeConfig(List.of(0), heads, experts, k, 7, projections, 1.0, 0.01, normalize);
    }

    private double[][] run(MoeLayer layer, double[][] tokens, double capacity) {
        return toRows(layer.forward(Weights64.array(manager, tokens), capacity).output());
    }

    private static double[][] toRows(NDArray out) {
        float[] flat = out.toFloatArray();
        int cols = (int) out.getShape().get(1);
        double[][] rows = new double[flat.length / cols][cols];
        for (int i = 0; i < flat.length; i++) {
            rows[i / cols][i % cols] = flat[i];
        }
        return rows;
    }

    private static double[][] tokens(int n, long seed) {
        return Weights64.round(Dense.random(new SplittableRandom(seed), n, HIDDEN, 1.0));
    }

    private static void assertClose(double[][] actual, double[][] expected, String what) {
        assertThat(actual.length).as(what + ": tokens").isEqualTo(expected.length);
        for (int t = 0; t < expected.length; t++) {
            for (int c = 0; c < expected[t].length; c++) {
                assertThat(actual[t][c]).as("%s: token %d, value %d", what, t, c)
                        .isCloseTo(expected[t][c], within(1e-4 * Math.max(1, Math.abs(expected[t][c]))));
            }
        }
    }
}

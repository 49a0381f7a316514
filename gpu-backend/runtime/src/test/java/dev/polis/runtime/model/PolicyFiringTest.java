package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.FeedForwardSeam;
import dev.polis.runtime.seam.KvCacheEvent;
import dev.polis.runtime.seam.KvCachePolicy;
import dev.polis.runtime.seam.KvCachePolicySeam;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.runtime.seam.PrefillStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When KV-cache policies are told, and what: a prompt's layers one by one as soon as the prompt's last token has gone
 * through each (so a compressing policy empties a layer before the next one fills, and the full caches never
 * coexist), after the last piece of a prompt prefilled in pieces, and other phases at their end; a policy that asks
 * for {@code w} query rows gets exactly the last {@code w}; compressing layer by layer gives the same logits as
 * compressing once the whole prompt is in.
 */
class PolicyFiringTest {

    private static final int LAYERS = 3;
    private static final int[] PROMPT = {1, 5, 9, 17, 3, 33, 8, 21, 4, 12, 30, 2, 14, 6};
    private static final int[] DECODED = {7, 19, 25, 11};

    @TempDir
    Path folder;

    @Test
    void aPolicyThatAsksForThreeQueryRowsReceivesExactlyTheLastThreeRowsOfWhatAnAllRowsPolicyReceives() {
        checkpoint();
        List<float[]> all = new ArrayList<>();
        List<float[]> three = new ArrayList<>();
        List<int[]> allPositions = new ArrayList<>();
        List<int[]> threePositions = new ArrayList<>();
        List<long[]> threeShapes = new ArrayList<>();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(event -> {
                all.add(event.queries().toFloatArray());
                allPositions.add(event.positions());
            });
            appendPromptThenTwo(lm);
        }
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(rows(3, event -> {
                three.add(event.queries().toFloatArray());
                threePositions.add(event.positions());
                threeShapes.add(event.queries().getShape().getShape());
            }));
            appendPromptThenTwo(lm);
        }
        int headDim = new TinyCheckpoint().headDim();
        int heads = new TinyCheckpoint().heads;
        assertThat(threeShapes.get(0)).containsExactly(1, heads, 3, headDim);
        assertThat(threePositions.get(0)).containsExactly(11, 12, 13);
        // the two-token append is shorter than three rows: both rows, as an all-rows policy gets them
        assertThat(threeShapes.get(LAYERS)).containsExactly(1, heads, 2, headDim);
        assertThat(threePositions.get(LAYERS)).containsExactly(14, 15);
        for (int e = 0; e < 2 * LAYERS; e++) {
            assertThat(three.get(e)).containsExactly(lastRows(all.get(e), heads, allPositions.get(e).length,
                    threePositions.get(e).length, headDim));
        }
    }

    @Test
    void aPromptsLayersAreToldOneByOneBeforeTheNextLayerRunsAndAnAppendsLayersAtItsEnd() {
        checkpoint();
        List<String> order = new ArrayList<>();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            logFeedForwards(lm, order);
            QueryScoredPolicy keepFour = new QueryScoredPolicy(2, 4);
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(rows(2, event -> {
                order.add(event.phase() + "@" + event.layer() + lengths(event));
                keepFour.afterAppend(event);
            }));
            appendPromptThenTwo(lm);
        }
        // when layer l is told, the layers before it are compressed to 4 entries and the layers after it are empty
        assertThat(order).containsExactly("ff@0", "PROMPT@0[14, 0, 0]", "ff@1", "PROMPT@1[4, 14, 0]", "ff@2",
                "PROMPT@2[4, 4, 14]", "ff@0", "ff@1", "ff@2", "APPEND@0[6, 6, 6]", "APPEND@1[6, 6, 6]",
                "APPEND@2[6, 6, 6]");
    }

    @Test
    void aPromptPrefilledInTwoHalvesIsToldLayerByLayerDuringTheSecondHalfOnly() {
        checkpoint();
        List<String> order = new ArrayList<>();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(PrefillSeam.class).orElseThrow().replace(PolicyFiringTest::halves);
            logFeedForwards(lm, order);
            lm.seam(KvCachePolicySeam.class).orElseThrow()
                    .add(event -> order.add(event.phase() + "@" + event.layer() + lengths(event)));
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(PROMPT);
            }
        }
        assertThat(order).containsExactly("ff@0", "ff@1", "ff@2", "ff@0", "PROMPT@0[14, 7, 7]", "ff@1",
                "PROMPT@1[14, 14, 7]", "ff@2", "PROMPT@2[14, 14, 14]");
    }

    @Test
    void compressingEachLayerAsSoonAsItHasThePromptGivesTheSameLogitsAsCompressingOnceThePromptIsDone() {
        checkpoint();
        QueryScoredPolicy policy = new QueryScoredPolicy(3, 6);
        List<float[]> layerByLayer;
        List<float[]> atTheEnd;
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(policy);
            layerByLayer = promptThenDecode(lm);
        }
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(policy.deferred(LAYERS));
            atTheEnd = promptThenDecode(lm);
        }
        List<float[]> uncompressed;
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            uncompressed = promptThenDecode(lm);
        }
        assertThat(layerByLayer).hasSize(1 + DECODED.length);
        for (int i = 0; i < layerByLayer.size(); i++) {
            assertThat(layerByLayer.get(i)).containsExactly(atTheEnd.get(i));
        }
        // the compression did change what decoding sees (the prompt's own logits are the full model's)
        assertThat(layerByLayer.get(0)).containsExactly(uncompressed.get(0));
        assertThat(layerByLayer.get(1)).isNotEqualTo(uncompressed.get(1));
    }

    @Test
    void aPolicyAskingForNoQueryRowIsRefusedWhenThePhaseStarts() {
        checkpoint();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(rows(0, event -> { }));
            try (TransformerSession session = lm.newSession()) {
                assertThatThrownBy(() -> session.appendLast(PROMPT)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("at least one query row, not 0");
            }
        }
    }

    private void checkpoint() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.writeTo(folder);
    }

    private static void appendPromptThenTwo(TransformerLm lm) {
        try (TransformerSession session = lm.newSession()) {
            session.appendLast(PROMPT);
            session.append(new int[] {7, 19});
        }
    }

    private static List<float[]> promptThenDecode(TransformerLm lm) {
        List<float[]> rows = new ArrayList<>();
        try (TransformerSession session = lm.newSession()) {
            rows.add(session.appendLast(PROMPT));
            for (int token : DECODED) {
                rows.add(session.appendLast(new int[] {token}));
            }
        }
        return rows;
    }

    private static void logFeedForwards(TransformerLm lm, List<String> order) {
        FeedForwardSeam ff = lm.seam(FeedForwardSeam.class).orElseThrow();
        for (int l = 0; l < LAYERS; l++) {
            int layer = l;
            ff.replace(l, inner -> x -> {
                order.add("ff@" + layer);
                return inner.apply(x);
            });
        }
    }

    private static String lengths(KvCacheEvent event) {
        int[] lengths = new int[LAYERS];
        for (int l = 0; l < LAYERS; l++) {
            lengths[l] = event.session().cache(l).length();
        }
        return Arrays.toString(lengths);
    }

    /** Returns a policy that asks for {@code rows} query rows and hands every event to {@code action}. */
    private static KvCachePolicy rows(int rows, KvCachePolicy action) {
        return new KvCachePolicy() {
            @Override
            public void afterAppend(KvCacheEvent event) {
                action.afterAppend(event);
            }

            @Override
            public int queryRows() {
                return rows;
            }
        };
    }

    /** The last {@code rows} of each head of flat {@code [1, heads, tokens, headDim]} queries. */
    private static float[] lastRows(float[] queries, int heads, int tokens, int rows, int headDim) {
        float[] out = new float[heads * rows * headDim];
        for (int h = 0; h < heads; h++) {
            System.arraycopy(queries, (h * tokens + tokens - rows) * headDim, out, h * rows * headDim,
                    rows * headDim);
        }
        return out;
    }

    private static PrefillStrategy halves(PrefillStrategy inner) {
        return (session, layers, hidden, positions) -> {
            int half = positions.length / 2;
            inner.prefill(session, layers, hidden.get(new NDIndex().addAllDim().addSliceDim(0, half)),
                    Arrays.copyOfRange(positions, 0, half));
            return inner.prefill(session, layers, hidden.get(new NDIndex().addAllDim().addSliceDim(half,
                    positions.length)), Arrays.copyOfRange(positions, half, positions.length));
        };
    }
}

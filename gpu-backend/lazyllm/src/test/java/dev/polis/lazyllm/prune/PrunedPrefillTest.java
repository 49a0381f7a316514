package dev.polis.lazyllm.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.lazyllm.LazyLlm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LazyLLM's prefill against the float64 reference (spec §B.8 oracles 1–3): the last token's logits after a pruned
 * prefill equal a dense forward in which each layer's keys are only the tokens that layer computed (read from the
 * runtime's caches); the first pruning layer drops exactly the tokens the reference's last row attends to least
 * (mean over heads; before it nothing is masked, so the reference's causal attention is the one LazyLLM read); the
 * alive sets shrink with depth and always hold the last token; keep fractions of 1 give the baseline's logits.
 */
class PrunedPrefillTest {

    private static final int LAYERS = 4;
    private static final int N = 24;

    @TempDir
    static Path folder;

    static TinyCheckpoint checkpoint;

    @BeforeAll
    static void writeCheckpoint() {
        checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.seed = 31;
        checkpoint.writeTo(folder);
    }

    @Test
    void prunedPrefillEqualsTheDenseForwardWithEachLayersUncomputedKeysMasked() {
        int[] prompt = prompt();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            new LazyLlm(r -> { }).install(lm.acceleratorTarget(),
                    new LazySettings(Schedule.parse("1:0.5,2:0.25", LAYERS, "schedule"), 2));
            try (TransformerSession session = lm.newSession()) {
                float[] logits = session.appendLast(prompt);
                Set<Integer>[] alive = aliveSets(session);
                assertThat(alive[0]).hasSize(N);
                assertThat(alive[1]).hasSize(N);
                assertThat(alive[2]).hasSize(12).contains(N - 1);
                assertThat(alive[3]).hasSize(6).contains(N - 1);
                assertThat(alive[1]).containsAll(alive[2]);
                assertThat(alive[2]).containsAll(alive[3]);
                double[][] expected = new ReferenceForward(checkpoint).logits(prompt,
                        (ReferenceForward.LayerMask) (layer, kvHead, query, key) -> alive[layer].contains(key));
                double[] dense = new ReferenceForward(checkpoint).logits(prompt)[N - 1];
                assertClose(logits, expected[N - 1]);
                assertThat(largestDifference(logits, dense)).as("pruning changes the logits of this model")
                        .isGreaterThan(1e-3);
                assertThat(alive[2]).as("layer 1 keeps the last token and the 11 others the reference's last row "
                        + "attends to most").containsExactlyInAnyOrderElementsOf(mostAttended(prompt, 1, 11));
            }
        }
    }

    @Test
    void randomSelectionKeepsTheSameSharesButNotTheMostAttendedTokensAndStillMasksExactly() {
        int[] prompt = prompt();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            new LazyLlm(r -> { }).install(lm.acceleratorTarget(),
                    new LazySettings(Schedule.parse("1:0.5,2:0.25", LAYERS, "schedule"), 2, Selection.RANDOM));
            try (TransformerSession session = lm.newSession()) {
                float[] logits = session.appendLast(prompt);
                Set<Integer>[] alive = aliveSets(session);
                assertThat(alive[2]).hasSize(12).contains(N - 1);
                assertThat(alive[3]).hasSize(6).contains(N - 1);
                assertThat(alive[2]).containsAll(alive[3]);
                assertThat(alive[2]).as("a random draw is not LazyLLM's choice")
                        .isNotEqualTo(mostAttended(prompt, 1, 11));
                double[][] expected = new ReferenceForward(checkpoint).logits(prompt,
                        (ReferenceForward.LayerMask) (layer, kvHead, query, key) -> alive[layer].contains(key));
                assertClose(logits, expected[N - 1]);
            }
        }
    }

    @Test
    void aPoolOfThreeKeepsTheTokensWhoseNeighbourhoodIsMostAttendedAndStillMasksExactly() {
        int[] prompt = prompt();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            new LazyLlm(r -> { }).install(lm.acceleratorTarget(), new LazySettings(
                    Schedule.parse("1:0.5,2:0.25", LAYERS, "schedule"), 2, Selection.ATTENTION, 3));
            try (TransformerSession session = lm.newSession()) {
                float[] logits = session.appendLast(prompt);
                Set<Integer>[] alive = aliveSets(session);
                assertThat(alive[2]).hasSize(12).contains(N - 1);
                assertThat(alive[2]).as("layer 1 keeps the last token and the 11 others whose pooled reference "
                        + "score is highest").containsExactlyInAnyOrderElementsOf(mostAttendedPooled(prompt, 1, 11));
                assertThat(alive[2]).as("pooling changes the choice on this model")
                        .isNotEqualTo(mostAttended(prompt, 1, 11));
                double[][] expected = new ReferenceForward(checkpoint).logits(prompt,
                        (ReferenceForward.LayerMask) (layer, kvHead, query, key) -> alive[layer].contains(key));
                assertClose(logits, expected[N - 1]);
            }
        }
    }

    @Test
    void keepFractionsOfOneGiveTheBaselinesLogitsThroughThePruningPath() {
        int[] prompt = prompt();
        float[][] baseline = generate(TransformerLm.load(folder, LoadOptions.DEFAULTS), prompt);
        TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS);
        new LazyLlm(r -> assertThat(r.dense()).as("the pruning path ran").isFalse()).install(lm.acceleratorTarget(),
                new LazySettings(Schedule.parse("0:1,1:1,2:1", LAYERS, "schedule"), 2));
        float[][] lazy = generate(lm, prompt);
        for (int t = 0; t < baseline.length; t++) {
            assertThat(lazy[t]).as("logits of step %d", t).containsExactly(baseline[t]);
        }
    }

    /** Prefills and greedily decodes 6 tokens; returns each step's logits and closes the model. */
    private static float[][] generate(TransformerLm lm, int[] prompt) {
        try (lm; TransformerSession session = lm.newSession()) {
            float[][] out = new float[7][];
            out[0] = session.appendLast(prompt);
            for (int t = 1; t < out.length; t++) {
                out[t] = session.appendLast(new int[] {argmax(out[t - 1])});
            }
            return out;
        }
    }

    /** Returns the last position and the {@code k} others its query attends to most at {@code layer} (head mean). */
    private static Set<Integer> mostAttended(int[] prompt, int layer, int k) {
        return topK(meanAttention(prompt, layer), k);
    }

    /**
     * As {@link #mostAttended}, each score first raised to the highest within one position of it, the last token's
     * own excepted; ties keep the later position, as LazyLLM drops the earlier first.
     */
    private static Set<Integer> mostAttendedPooled(int[] prompt, int layer, int k) {
        double[] mean = meanAttention(prompt, layer);
        double[] pooled = new double[N];
        for (int i = 0; i < N; i++) {
            pooled[i] = mean[i];
            for (int j = Math.max(0, i - 1); j <= Math.min(N - 2, i + 1); j++) {
                pooled[i] = Math.max(pooled[i], mean[j]);
            }
        }
        return topK(pooled, k);
    }

    private static double[] meanAttention(int[] prompt, int layer) {
        double[][] row = new ReferenceForward(checkpoint).attention(prompt)[layer][N - 1];
        double[] mean = new double[N];
        for (double[] head : row) {
            for (int s = 0; s < N; s++) {
                mean[s] += head[s] / row.length;
            }
        }
        return mean;
    }

    private static Set<Integer> topK(double[] scores, int k) {
        Set<Integer> kept = IntStream.range(0, N - 1).boxed()
                .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(b, a))
                .limit(k).collect(Collectors.toSet());
        kept.add(N - 1);
        return kept;
    }

    @SuppressWarnings("unchecked")
    static Set<Integer>[] aliveSets(TransformerSession session) {
        Set<Integer>[] alive = new Set[LAYERS];
        for (int l = 0; l < LAYERS; l++) {
            alive[l] = Arrays.stream(session.cache(l).positions()).boxed().collect(Collectors.toSet());
        }
        return alive;
    }

    static int[] prompt() {
        return prompt(N);
    }

    /** Returns {@code n} tokens of a fixed sequence within the tiny vocabulary of 40. */
    static int[] prompt(int n) {
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = (i * 7 + (i * i) % 11) % 37 + 1;
        }
        return tokens;
    }

    static void assertClose(float[] actual, double[] expected) {
        for (int v = 0; v < expected.length; v++) {
            assertThat((double) actual[v]).as("logit %d", v).isCloseTo(expected[v],
                    within(1e-4 * Math.max(1, Math.abs(expected[v]))));
        }
    }

    static double largestDifference(float[] actual, double[] expected) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        return worst;
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}

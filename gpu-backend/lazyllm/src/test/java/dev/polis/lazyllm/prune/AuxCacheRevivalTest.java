package dev.polis.lazyllm.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.polis.lazyllm.LazyLlm;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.DecodeSeam;
import dev.polis.runtime.seam.PrefillSeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Aux Cache over a whole greedy generation (spec §B.8 oracles 4 and 5), watched from outside: every run LazyLLM's
 * strategies ask of the layers is recorded. No (token, layer) pair is computed twice; each layer's cache holds
 * exactly the pairs computed there; prompt tokens come back in later steps (revived), and every revived token enters
 * at the layer after the one where it stopped with exactly the hidden state it left that layer with, never from
 * layer 0 again; the counters agree with the record.
 */
class AuxCacheRevivalTest {

    private static final int LAYERS = 4;
    private static final int N = 32;
    private static final int STEPS = 12;

    @TempDir
    Path folder;

    @Test
    void revivedTokensResumeFromTheAuxCacheAndNoPairIsComputedTwice() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.seed = 5;
        checkpoint.writeTo(folder);
        List<RecordingLayers.Run> runs = new ArrayList<>();
        int[] step = {0};
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            SessionStates states = new LazyLlm(r -> { }).install(lm.acceleratorTarget(),
                    new LazySettings(Schedule.parse("0:0.5,1:0.25,2:0.125", LAYERS, "schedule"), 2));
            lm.seam(PrefillSeam.class).orElseThrow().replace(lazy -> (session, layers, hidden, positions) ->
                    lazy.prefill(session, new RecordingLayers(layers, runs, step[0]), hidden, positions));
            lm.seam(DecodeSeam.class).orElseThrow().replaceDecode(lazy -> (session, layers, hidden, positions) ->
                    lazy.decode(session, new RecordingLayers(layers, runs, step[0]), hidden, positions));
            try (TransformerSession session = lm.newSession()) {
                float[] logits = session.appendLast(PrunedPrefillTest.prompt(N));
                for (int t = 1; t <= STEPS; t++) {
                    step[0] = t;
                    logits = session.appendLast(new int[] {PrunedPrefillTest.argmax(logits)});
                }
                Map<String, Integer> pairs = new HashMap<>();
                for (RecordingLayers.Run run : runs) {
                    for (int l = run.from(); l < run.to(); l++) {
                        pairs.merge(run.position() + "@" + l, 1, Integer::sum);
                    }
                }
                assertThat(pairs.values()).as("times each (token, layer) pair was computed").containsOnly(1);
                for (int l = 0; l < LAYERS; l++) {
                    int layer = l;
                    int[] cached = session.cache(l).positions();
                    assertThat(cached).as("layer %d's cache", l).doesNotHaveDuplicates()
                            .hasSize((int) pairs.keySet().stream().filter(k -> k.endsWith("@" + layer)).count());
                }
                AuxCache.Counters counters = states.find(session).orElseThrow().counters();
                assertThat(counters.computedPairs()).isEqualTo(pairs.size());
                assertThat(counters.densePairs()).isEqualTo((long) (N + STEPS) * LAYERS);
                assertThat(counters.computedPairs()).isLessThan(counters.densePairs());
                long revivals = runs.stream().filter(r -> r.step() > 0 && r.position() < N + r.step() - 1)
                        .map(r -> r.step() + ":" + r.position()).distinct().count();
                assertThat(revivals).as("prompt or earlier tokens run again in later steps").isPositive();
                assertThat(counters.revived()).as("revivals counted (token, step)").isEqualTo(revivals);
                Map<String, float[]> leftWith = new HashMap<>();
                Set<Integer> revivedPositions = new HashSet<>();
                for (RecordingLayers.Run run : runs) {
                    if (run.step() > 0 && run.position() < N + run.step() - 1) {
                        assertThat(run.from()).as("a revived token never starts from layer 0").isPositive();
                        assertThat(run.input()).as("token %d enters layer %d with the state it left layer %d with",
                                run.position(), run.from(), run.from() - 1)
                                .containsExactly(leftWith.get(run.position() + "@" + (run.from() - 1)));
                        revivedPositions.add(run.position());
                    }
                    leftWith.put(run.position() + "@" + (run.to() - 1), run.output());
                }
                assertThat(revivedPositions).as("revived prompt tokens").isNotEmpty();
            }
        }
    }
}

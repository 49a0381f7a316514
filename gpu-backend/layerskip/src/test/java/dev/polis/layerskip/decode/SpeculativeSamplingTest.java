package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.model.TransformerLm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speculative sampling keeps the full model's distribution, and is reproducible with a seed. */
class SpeculativeSamplingTest {

    @TempDir
    Path folder;

    @Test
    void acceptOrResampleOutputsFollowTheTargetDistribution() {
        double[] p = {0.05, 0.4, 0.25, 0.0, 0.3};
        double[] q = {0.3, 0.1, 0.25, 0.35, 0.0};
        SplittableRandom random = new SplittableRandom(3);
        int draws = 400_000;
        double[] seen = new double[p.length];
        for (int i = 0; i < draws; i++) {
            int draft = SpeculativeSampling.sample(q, random);
            Integer replaced = SpeculativeSampling.acceptOrResample(draft, p, q, random);
            seen[replaced == null ? draft : replaced] += 1.0 / draws;
        }
        for (int t = 0; t < p.length; t++) {
            assertThat(seen[t]).as("token " + t).isCloseTo(p[t], within(0.004));
        }
    }

    @Test
    void aDraftThatTheFullModelAgreesWithIsAlwaysKept() {
        double[] p = {0.1, 0.6, 0.3};
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(SpeculativeSampling.acceptOrResample(1, p, p, random)).isNull();
        }
    }

    @Test
    void warpRestrictsToTopKAndTopPAndSumsToOne() {
        float[] logits = {2f, 1f, 0f, 3f};
        double[] topK = new Warp(1.0, 2, 1.0).probabilities(logits);
        assertThat(topK[1]).isZero();
        assertThat(topK[2]).isZero();
        assertThat(topK[0] + topK[3]).isCloseTo(1.0, within(1e-12));
        double[] topP = new Warp(1.0, 0, 0.5).probabilities(logits);
        assertThat(topP[3]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void samplingSelfSpeculationIsSeededAndEndsAtTheLimit() {
        try (TransformerLm lm = new TinyLlama(4, 9).load(folder)) {
            GenerationSettings settings = GenerationSettings.DEFAULTS.withTemperature(0.8).withSeed(42)
                    .withMaxTokens(30);
            DecodeRequest request = new DecodeRequest(new int[] {5, 6, 7}, settings, null, LayerSkipOptions.of(2, 3));
            SelfSpeculativeDecoder decoder = new SelfSpeculativeDecoder();
            DecodeResult first = decoder.decode(lm, request, TokenListener.ignoring());
            DecodeResult second = decoder.decode(lm, request, TokenListener.ignoring());
            assertThat(first.tokens()).containsExactly(second.tokens());
            assertThat(first.tokens().length).isLessThanOrEqualTo(30);
            assertThat(java.util.Arrays.stream(first.tokens()).allMatch(t -> t >= 0 && t < TinyLlama.VOCAB)).isTrue();
        }
    }
}

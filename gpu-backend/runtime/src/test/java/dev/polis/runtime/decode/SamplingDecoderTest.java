package dev.polis.runtime.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.TokenListener;
import org.junit.jupiter.api.Test;

class SamplingDecoderTest {

    private static final RandomLm MODEL = new RandomLm(50);

    @Test
    void theSameSeedGivesTheSameTokens() {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withTemperature(1.5).withMaxTokens(40).withSeed(7);
        int[] first = sample(settings);
        int[] second = sample(settings);
        assertThat(first).hasSize(40).isEqualTo(second);
    }

    @Test
    void anotherSeedGivesOtherTokens() {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withTemperature(1.5).withMaxTokens(40);
        assertThat(sample(settings.withSeed(1))).isNotEqualTo(sample(settings.withSeed(2)));
    }

    @Test
    void temperatureZeroIsGreedy() {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(20).withSeed(3);
        int[] greedy = new GreedyDecoder().decode(MODEL, new DecodeRequest(new int[] {1}, settings, List.of()),
                TokenListener.ignoring()).tokens();
        assertThat(sample(settings)).isEqualTo(greedy);
    }

    @Test
    void topKOneIsGreedyAtAnyTemperature() {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withMaxTokens(20);
        int[] greedy = new GreedyDecoder().decode(MODEL, new DecodeRequest(new int[] {1}, settings, List.of()),
                TokenListener.ignoring()).tokens();
        assertThat(sample(settings.withTemperature(2).withTopK(1).withSeed(5))).isEqualTo(greedy);
    }

    @Test
    void topKKeepsOnlyTheMostLikelyTokens() {
        float[] logits = {0f, 5f, 4f, -1f, 3f};
        LogitSampler sampler = new LogitSampler(5.0, 2, 1.0, 11);
        for (int i = 0; i < 500; i++) {
            assertThat(sampler.choose(logits)).isIn(1, 2);
        }
    }

    @Test
    void topPKeepsTheSmallestSetReachingTheMass() {
        // Probabilities about 0.665, 0.245, 0.090: top-p 0.6 keeps only the first, 0.8 the first two.
        float[] logits = {2f, 1f, 0f};
        LogitSampler narrow = new LogitSampler(1.0, 0, 0.6, 5);
        LogitSampler wider = new LogitSampler(1.0, 0, 0.8, 5);
        boolean sawSecond = false;
        for (int i = 0; i < 500; i++) {
            assertThat(narrow.choose(logits)).isZero();
            int token = wider.choose(logits);
            assertThat(token).isIn(0, 1);
            sawSecond |= token == 1;
        }
        assertThat(sawSecond).as("top-p 0.8 sometimes picks the second token").isTrue();
    }

    @Test
    void samplingFollowsTheDistribution() {
        float[] logits = {(float) Math.log(3), 0f};
        LogitSampler sampler = new LogitSampler(1.0, 0, 1.0, 99);
        int first = 0;
        for (int i = 0; i < 4000; i++) {
            first += sampler.choose(logits) == 0 ? 1 : 0;
        }
        assertThat(first / 4000.0).isBetween(0.72, 0.78);
    }

    private static int[] sample(GenerationSettings settings) {
        return new SamplingDecoder().decode(MODEL, new DecodeRequest(new int[] {1}, settings, List.of()),
                TokenListener.ignoring()).tokens();
    }
}

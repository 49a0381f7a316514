package dev.polis.runtime.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.testkit.CountingLm;
import org.junit.jupiter.api.Test;

class DecodeLoopTest {

    @Test
    void stopTokensAreNeitherReturnedNorReported() {
        CountingLm model = new CountingLm(8);
        StringBuilder seen = new StringBuilder();
        DecodeResult result = DecodeLoop.run(model, new DecodeRequest(new int[] {5},
                GenerationSettings.DEFAULTS.withMaxTokens(10), List.of()), t -> seen.append(t).length() > 0, new Argmax());
        assertThat(result.tokens()).containsExactly(6, 7);
        assertThat(seen).hasToString("67");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void withoutALimitStopsAtTheDefault() {
        CountingLm model = new CountingLm(100_000);
        DecodeResult result = DecodeLoop.run(model, new DecodeRequest(new int[] {1}, GenerationSettings.DEFAULTS, List.of()),
                TokenListener.ignoring(), new Argmax());
        assertThat(result.tokens()).hasSize(DecodeLoop.DEFAULT_MAX_TOKENS);
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.metrics()).containsEntry("generatedTokens", (double) DecodeLoop.DEFAULT_MAX_TOKENS);
    }

    @Test
    void theLastTokenIsNotFedBackWhenTheLimitIsReached() {
        CountingLm model = new CountingLm(64);
        int[] appended = new int[1];
        dev.polis.api.inference.CausalLm counting = new dev.polis.api.inference.CausalLm() {
            @Override
            public int vocabularySize() {
                return model.vocabularySize();
            }

            @Override
            public java.util.Set<Integer> stopTokens() {
                return model.stopTokens();
            }

            @Override
            public dev.polis.api.inference.LmSession newSession() {
                dev.polis.api.inference.LmSession inner = model.newSession();
                return new dev.polis.api.inference.LmSession() {
                    @Override
                    public float[][] append(int[] tokens) {
                        appended[0] += tokens.length;
                        return inner.append(tokens);
                    }

                    @Override
                    public int length() {
                        return inner.length();
                    }

                    @Override
                    public void crop(int newLength) {
                        inner.crop(newLength);
                    }

                    @Override
                    public void close() {
                        inner.close();
                    }
                };
            }
        };
        DecodeLoop.run(counting, new DecodeRequest(new int[] {1, 2, 3}, GenerationSettings.DEFAULTS.withMaxTokens(4), List.of()),
                TokenListener.ignoring(), new Argmax());
        assertThat(appended[0]).as("3 prompt tokens + 3 of the 4 generated").isEqualTo(6);
        assertThat(model.openSessions()).isZero();
    }
}

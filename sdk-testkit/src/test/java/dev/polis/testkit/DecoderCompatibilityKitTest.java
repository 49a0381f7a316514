package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.LmSession;
import dev.polis.api.inference.TokenListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class DecoderCompatibilityKitTest {

    @Test
    void aGreedyDecoderPasses() {
        assertThat(KitRunner.failures(Greedy.class)).isEmpty();
    }

    @Test
    void aDecoderThatIgnoresLimitsStopTokensAndItsListenerFails() {
        assertThat(KitRunner.failures(Reckless.class)).containsOnlyKeys(
                "followsAnUnambiguousModel", "respectsMaxTokens", "stopsAtAStopTokenOfTheRequest",
                "listenerReturningFalseStopsEarly",
                "closesEverySessionItOpens");
    }

    @Test
    void countingLmPredictsTheSuccessorAndCanBeCropped() {
        CountingLm model = new CountingLm(8);
        try (LmSession session = model.newSession()) {
            float[][] logits = session.append(new int[] {3, 7});
            assertThat(argmax(logits[0])).isEqualTo(4);
            assertThat(argmax(logits[1])).isEqualTo(CountingLm.STOP_TOKEN);
            session.crop(1);
            assertThat(session.length()).isEqualTo(1);
            assertThat(model.openSessions()).isEqualTo(1);
        }
        assertThat(model.openSessions()).isZero();
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Picks the most likely token until a limit, a stop token or its listener ends it. */
    @org.pf4j.Extension
    static class GreedyDecoder implements Decoder {
        final boolean careful;

        GreedyDecoder(boolean careful) {
            this.careful = careful;
        }

        @Override
        public String id() {
            return "decoder.test-greedy";
        }

        @Override
        public DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener) {
            int limit = careful ? request.settings().maxTokens() : request.settings().maxTokens() + 2;
            List<Integer> out = new ArrayList<>();
            LmSession session = model.newSession();
            try {
                float[][] logits = session.append(request.prompt());
                float[] last = logits[logits.length - 1];
                while (out.size() < limit) {
                    int token = argmax(last);
                    boolean stop = model.stopTokens().contains(token) || careful && request.stopTokens().contains(token);
                    if (stop) {
                        return result(out, FinishReason.STOP);
                    }
                    out.add(token);
                    if (!listener.onToken(token) && careful) {
                        return result(out, FinishReason.CANCELLED);
                    }
                    last = session.append(new int[] {token})[0];
                }
                return result(out, FinishReason.LENGTH);
            } finally {
                if (careful) {
                    session.close();
                }
            }
        }

        private static DecodeResult result(List<Integer> tokens, FinishReason reason) {
            return new DecodeResult(tokens.stream().mapToInt(Integer::intValue).toArray(), reason, Map.of());
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Greedy extends DecoderCompatibilityKit {
        @Override
        protected Decoder createDecoder() {
            return new GreedyDecoder(true);
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Reckless extends DecoderCompatibilityKit {
        @Override
        protected Decoder createDecoder() {
            return new GreedyDecoder(false);
        }
    }
}

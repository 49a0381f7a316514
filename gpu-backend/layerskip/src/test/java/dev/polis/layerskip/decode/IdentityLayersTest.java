package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.model.TransformerLm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec §A.8 oracles 2 and 4: with layers E..L-1 identity (o_proj and down_proj zeroed) every draft is accepted and
 * every round emits d+1 tokens; after every round each layer's cache holds {@code len(prompt) + len(out) - 1}
 * entries, and the verifier got {@code len(pending) + k - 1} exit-layer rows besides the last draft. The prompt's
 * prefill (through the runtime's prefill seam) comes first and emits the full model's first token.
 */
class IdentityLayersTest {

    private static final int LAYERS = 4;
    private static final int EXIT = 2;

    @TempDir
    Path folder;

    @Test
    void identityLayersAfterTheExitAcceptEveryDraftAndCachesFollowTheInvariant() {
        int[] prompt = {4, 9, 13, 21, 6, 30};
        try (TransformerLm lm = new TinyLlama(LAYERS, 5, TinyLlama.VOCAB).load(folder, LAYERS, EXIT)) {
            for (int drafts : new int[] {1, 3, 5}) {
                int rounds = 6;
                List<String> violations = new ArrayList<>();
                int[] out = {0};
                List<Integer> perRound = new ArrayList<>();
                SelfSpeculativeDecoder decoder = new SelfSpeculativeDecoder((session, round) -> {
                    out[0] += round.emitted().length;
                    if (round.prompt() && (out[0] != 1 || round.drafted() != 0)) {
                        violations.add("the prefill came after " + (out[0] - 1) + " tokens, drafting "
                                + round.drafted());
                    }
                    if (!round.prompt()) {
                        perRound.add(round.emitted().length);
                    }
                    if (round.drafted() > 0 && round.exitRows() != round.drafted()) {
                        violations.add("exit rows " + round.exitRows());
                    }
                    for (int l = 0; l < LAYERS; l++) {
                        int length = session.session().cache(l).length();
                        if (length != prompt.length + out[0] - 1) {
                            violations.add("layer " + l + " holds " + length + " after " + out[0]);
                        }
                    }
                });
                DecodeRequest request = new DecodeRequest(prompt,
                        GenerationSettings.DEFAULTS.withMaxTokens(1 + rounds * (drafts + 1)), null,
                        LayerSkipOptions.of(EXIT, drafts));
                DecodeResult result = decoder.decode(lm, request, TokenListener.ignoring());

                assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
                assertThat(violations).as("d=" + drafts).isEmpty();
                assertThat(result.metrics().get("acceptanceRate")).as("d=" + drafts).isEqualTo(1.0);
                assertThat(perRound).as("tokens per round, d=" + drafts).hasSize(rounds)
                        .allMatch(n -> n == drafts + 1);
                assertThat(result.metrics().get("tokensPerRound")).isEqualTo(drafts + 1.0);
            }
        }
    }
}

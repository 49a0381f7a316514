package dev.polis.layerskip.decode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.DecodeLoop;

/**
 * Runs one self-speculative generation: rounds until a stop token, the token limit, the listener or the session's
 * capacity ends it, with the same finish rules as the runtime's {@link DecodeLoop} (a stop token is neither returned
 * nor reported). Drafts per round are capped so a round never emits past the limit.
 */
final class SelfSpeculativeLoop {

    private SelfSpeculativeLoop() {
    }

    /**
     * Generates for {@code request} with exit layer E and d drafts per round; {@code observer} sees each round
     * (tests check cache invariants there).
     */
    static DecodeResult run(LayeredModel model, DecodeRequest request, TokenListener listener, int exitLayer,
                            int drafts, Speculation speculation, LayerCosts costs,
                            BiConsumer<SelfSpeculativeSession, Round> observer) {
        Integer limit = request.settings().maxTokens();
        int maxTokens = limit == null ? DecodeLoop.DEFAULT_MAX_TOKENS : limit;
        Set<Integer> stops = new HashSet<>(model.lm().stopTokens());
        stops.addAll(request.stopTokens());
        int[] generated = new int[Math.min(maxTokens, 1024)];
        int count = 0;
        FinishReason reason = FinishReason.LENGTH;
        RoundStats stats = new RoundStats();
        long start = System.nanoTime();
        try (SelfSpeculativeSession session = new SelfSpeculativeSession(model, request.prompt(), exitLayer,
                speculation)) {
            outer:
            while (count < maxTokens && session.room() >= 0) {
                Round round = session.round(Math.min(drafts, maxTokens - count - 1), stops);
                stats.add(round);
                observer.accept(session, round);
                for (int token : round.emitted()) {
                    if (stops.contains(token)) {
                        reason = FinishReason.STOP;
                        break outer;
                    }
                    if (count == generated.length) {
                        generated = Arrays.copyOf(generated, Math.min(maxTokens, generated.length * 2));
                    }
                    generated[count++] = token;
                    if (!listener.onToken(token)) {
                        reason = FinishReason.CANCELLED;
                        break outer;
                    }
                }
            }
        }
        long nanos = System.nanoTime() - start;
        Map<String, Double> metrics = stats.metrics(count, nanos, exitLayer, drafts, costs);
        return new DecodeResult(Arrays.copyOf(generated, count), reason, metrics);
    }
}

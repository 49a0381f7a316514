package dev.polis.runtime.decode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.LmSession;
import dev.polis.api.inference.TokenConstraint;
import dev.polis.api.inference.TokenListener;

/**
 * Runs one token-by-token generation on a {@link CausalLm}: prefill the prompt, then choose, report and append one
 * token at a time until a stop token, the token limit, or the listener ends it.
 *
 * <p>A stop token ends the generation with {@link FinishReason#STOP} and is neither returned nor reported; a listener
 * returning {@code false} ends it with {@link FinishReason#CANCELLED} after its token; reaching the limit gives
 * {@link FinishReason#LENGTH}. With a {@link DecodeRequest#constraint()}, each row of logits is masked by it before the
 * chooser sees it, and every kept token is accepted by it. The session is always closed.
 */
public final class DecodeLoop {

    /** The token limit when the request sets none. */
    public static final int DEFAULT_MAX_TOKENS = 512;

    private DecodeLoop() {
    }

    /** Generates for {@code request} on {@code model}, choosing each token with {@code chooser}. */
    public static DecodeResult run(CausalLm model, DecodeRequest request, TokenListener listener, TokenChooser chooser) {
        Integer limit = request.settings().maxTokens();
        int maxTokens = limit == null ? DEFAULT_MAX_TOKENS : limit;
        Set<Integer> stops = new HashSet<>(model.stopTokens());
        stops.addAll(request.stopTokens());
        int[] generated = new int[Math.min(maxTokens, 1024)];
        int count = 0;
        FinishReason reason = FinishReason.LENGTH;
        TokenConstraint.Cursor cursor = request.constraint() == null ? null : request.constraint().start();
        try (LmSession session = model.newSession()) {
            float[] logits = session.appendLast(request.prompt());
            while (count < maxTokens) {
                if (cursor != null) {
                    logits = logits.clone();
                    cursor.mask(logits);
                }
                int token = chooser.choose(logits);
                if (stops.contains(token)) {
                    reason = FinishReason.STOP;
                    break;
                }
                if (count == generated.length) {
                    generated = Arrays.copyOf(generated, Math.min(maxTokens, generated.length * 2));
                }
                generated[count++] = token;
                if (cursor != null && !cursor.accept(token)) {
                    throw new IllegalStateException("the chooser picked token " + token + ", which the constraint masked");
                }
                if (!listener.onToken(token)) {
                    reason = FinishReason.CANCELLED;
                    break;
                }
                if (count < maxTokens) {
                    logits = session.appendLast(new int[] {token});
                }
            }
        }
        return new DecodeResult(Arrays.copyOf(generated, count), reason, Map.of("generatedTokens", (double) count));
    }
}

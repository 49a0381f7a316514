package dev.polis.runtime.chat;

import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.Usage;

/**
 * The outcome of one generation on a local model.
 *
 * @param text             the generated text, without the stop string or end token that ended it
 * @param finishReason     why it stopped
 * @param promptTokens     tokens read
 * @param completionTokens tokens generated
 * @param firstTokenNanos  nanoseconds from the start to the first generated token (prefill), or -1 when none came
 * @param totalNanos       nanoseconds the whole generation took
 */
public record Generation(String text, FinishReason finishReason, int promptTokens, int completionTokens,
                         long firstTokenNanos, long totalNanos) {

    /** Returns the token counts. */
    public Usage usage() {
        return new Usage(promptTokens, completionTokens);
    }

    /** Returns generated tokens per second after the first, or 0 when fewer than two were generated. */
    public double decodeTokensPerSecond() {
        long decodeNanos = totalNanos - firstTokenNanos;
        return completionTokens < 2 || firstTokenNanos < 0 || decodeNanos <= 0 ? 0
                : (completionTokens - 1) * 1e9 / decodeNanos;
    }
}

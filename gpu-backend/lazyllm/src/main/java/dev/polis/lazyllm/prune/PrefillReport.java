package dev.polis.lazyllm.prune;

import java.util.Arrays;
import java.util.Locale;

/**
 * What LazyLLM did to one prompt: how many of its tokens each layer computed, or why it ran dense.
 *
 * @param tokens       the prompt's tokens
 * @param computed     per layer, how many of them it computed (all of them when dense)
 * @param dense        whether the prompt ran dense
 * @param reason       why it ran dense ({@code null} when pruned)
 */
public record PrefillReport(int tokens, int[] computed, boolean dense, String reason) {

    /** Returns the computed share of the prompt's (token, layer) pairs. */
    public double computedShare() {
        return (double) Arrays.stream(computed).asLongStream().sum() / ((long) tokens * computed.length);
    }

    /** Returns a one-line description, as the extension logs it. */
    public String describe() {
        if (dense) {
            return "lazyllm: prompt of " + tokens + " tokens ran dense: " + reason;
        }
        return String.format(Locale.ROOT, "lazyllm: prompt of %d tokens: computed %.1f%% of its (token, layer) pairs; "
                + "tokens per layer %s", tokens, 100 * computedShare(), Arrays.toString(computed));
    }

    /** Returns the report as one JSON object (the events' format). */
    public String json() {
        return String.format(Locale.ROOT, "{\"event\":\"lazyllm.prefill\",\"tokens\":%d,\"dense\":%s,"
                + "\"computedShare\":%.4f,\"computed\":%s%s}", tokens, dense, computedShare(),
                Arrays.toString(computed).replace(" ", ""),
                reason == null ? "" : ",\"reason\":\"" + reason.replace("\"", "'") + "\"");
    }
}

package dev.polis.govsim.protocol;

import java.util.Optional;

/**
 * What the framework model made of a finished group chat.
 *
 * @param summary     a one-sentence summary each agent keeps as a chat memory ({@code ""} when none)
 * @param agreedLimit the per-person limit the group explicitly agreed on, if any
 * @param rawSummary  the model's raw summary answer, recorded as is
 * @param rawLimit    the model's raw limit answer, recorded as is
 */
public record ConversationAnalysis(String summary, Optional<Integer> agreedLimit, String rawSummary, String rawLimit) {

    /** Replaces {@code null}s with empty values. */
    public ConversationAnalysis {
        summary = summary == null ? "" : summary;
        agreedLimit = agreedLimit == null ? Optional.empty() : agreedLimit;
        rawSummary = rawSummary == null ? "" : rawSummary;
        rawLimit = rawLimit == null ? "" : rawLimit;
    }

    /** Returns an analysis that found nothing. */
    public static ConversationAnalysis none() {
        return new ConversationAnalysis("", Optional.empty(), "", "");
    }
}

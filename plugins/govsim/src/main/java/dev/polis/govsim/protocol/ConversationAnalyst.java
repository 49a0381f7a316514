package dev.polis.govsim.protocol;

import java.util.List;

/**
 * The framework model's hooks: summarizes a finished chat and extracts the agreed per-person limit.
 *
 * <p>The environment calls it once per month after the chat, from one thread. The LLM agent offers one through
 * {@link GovSimAgent#analyst()}; without one the environment uses {@link #none()}.
 */
@FunctionalInterface
public interface ConversationAnalyst {

    /** Analyses the finished chat of {@code context}'s month, mayor's report included. */
    ConversationAnalysis analyze(MonthContext context, List<ConversationEntry> conversation);

    /** Returns an analyst that finds no summary and no limit. */
    static ConversationAnalyst none() {
        return (context, conversation) -> ConversationAnalysis.none();
    }
}

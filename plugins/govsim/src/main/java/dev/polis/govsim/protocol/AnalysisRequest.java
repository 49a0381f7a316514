package dev.polis.govsim.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Asks the first present agent for the framework model's analysis of the month's finished chat
 * ({@link GovSimAgent#analyst()}); an agent without one answers with no summary and no limit.
 *
 * @param context      the month
 * @param conversation the chat, mayor's report first
 */
public record AnalysisRequest(MonthContext context, List<ConversationEntry> conversation) {

    /** Checks the components. */
    public AnalysisRequest {
        Objects.requireNonNull(context, "context");
        conversation = List.copyOf(conversation);
    }
}

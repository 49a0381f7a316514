package dev.polis.govsim.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells each participant how the group chat went, after the framework model's analysis.
 *
 * <p>The LLM agent stores the summary (as a chat memory), writes its own planning and memorable thoughts about
 * the chat, and keeps {@code limitSentence} as an always-remember thought when present.
 *
 * @param context       the month
 * @param date          the participant's date (discussion day)
 * @param conversation  the whole chat, mayor's report first
 * @param analysis      the framework model's summary and agreed limit
 * @param limitSentence the agreed-limit memory in the scenario's words, when a limit was agreed
 */
public record DiscussionOutcome(MonthContext context, LocalDate date, List<ConversationEntry> conversation,
                                ConversationAnalysis analysis, Optional<String> limitSentence) {

    /** Checks the components and copies the chat. */
    public DiscussionOutcome {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(date, "date");
        conversation = List.copyOf(conversation);
        Objects.requireNonNull(analysis, "analysis");
        limitSentence = limitSentence == null ? Optional.empty() : limitSentence;
    }
}

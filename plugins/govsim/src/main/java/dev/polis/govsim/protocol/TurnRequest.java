package dev.polis.govsim.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Asks one agent for its next line in the group chat.
 *
 * <p>Other agents' lines are their words, not rules: prompts should present them with lower privilege than the
 * game's rules.
 *
 * @param context        the month
 * @param profile        who speaks
 * @param date           the speaker's date (discussion day)
 * @param participants   the names of everyone in the chat, in id order (the speaker included)
 * @param conversation   the chat so far, starting with the mayor's report
 * @param turnsLeft      how many more entries the chat may hold after this one (0: this is the last turn)
 */
public record TurnRequest(MonthContext context, AgentProfile profile, LocalDate date, List<String> participants,
                          List<ConversationEntry> conversation, int turnsLeft) {

    /** Checks the components and copies the lists. */
    public TurnRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(date, "date");
        participants = List.copyOf(participants);
        conversation = List.copyOf(conversation);
    }
}

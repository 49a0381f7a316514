package dev.polis.govsim.agent.llm;

import java.util.List;
import dev.polis.api.chat.GenerationSettings;

/**
 * The token limit and stop sequences of each kind of model call.
 *
 * <p>Short answers are the importance rating, the two thoughts after the chat and the chat summary; every other call
 * (harvest, chat line, insights, agreed limit) is long. With {@code stops}, a thought or summary stops at its first
 * full stop and a rating at its first line break, where the original ends them (it generates one sentence, and picks
 * a rating from a fixed list).
 *
 * @param maxTokens      the most tokens of a long answer
 * @param shortMaxTokens the most tokens of a short answer
 * @param stops          whether short answers get the original's stops
 */
public record CallLimits(int maxTokens, int shortMaxTokens, boolean stops) {

    /** Returns {@code base} with the limit and stops of a call for {@code purpose}. */
    public GenerationSettings apply(GenerationSettings base, CallPurpose purpose) {
        boolean shortAnswer = switch (purpose) {
            case IMPORTANCE, CHAT_THOUGHT, SUMMARY -> true;
            default -> false;
        };
        GenerationSettings settings = base.withMaxTokens(shortAnswer ? shortMaxTokens : maxTokens);
        if (!stops) {
            return settings;
        }
        return switch (purpose) {
            case IMPORTANCE -> settings.withStop(List.of("\n"));
            case CHAT_THOUGHT, SUMMARY -> settings.withStop(List.of("."));
            default -> settings;
        };
    }
}

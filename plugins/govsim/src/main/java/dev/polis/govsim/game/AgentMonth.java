package dev.polis.govsim.game;

import java.util.List;

/**
 * What one agent did in one month, as recorded.
 *
 * @param agentId  the agent id ({@code persona_0})
 * @param name     its persona name
 * @param wanted   what it asked for (negative requests recorded as 0)
 * @param received what it got
 * @param rawText  its raw harvest answer
 * @param status   how the amount was parsed ({@link dev.polis.govsim.protocol.ParseStatus} name)
 * @param insights the insights it kept when reflecting
 */
public record AgentMonth(String agentId, String name, int wanted, int received, String rawText, String status,
                         List<String> insights) {

    /** Copies the insights. */
    public AgentMonth {
        rawText = rawText == null ? "" : rawText;
        insights = insights == null ? List.of() : List.copyOf(insights);
    }
}

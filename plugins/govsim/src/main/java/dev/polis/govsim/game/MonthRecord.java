package dev.polis.govsim.game;

import dev.polis.govsim.protocol.ConversationEntry;
import java.util.List;

/**
 * One finished month of a run: the pool, each present agent's harvest, the chat and its analysis.
 *
 * @param month             0-based month
 * @param poolBefore        the pool before harvesting
 * @param poolAfter         the pool after harvesting, before regrowth
 * @param perAgentThreshold the per-agent sustainable share in force this month (over-usage threshold)
 * @param agents            each present agent's harvest, in id order
 * @param conversation      the chat, mayor's report first (empty without communication)
 * @param summary           the framework model's summary ({@code ""} when none)
 * @param agreedLimit       the agreed per-person limit, or {@code null}
 * @param collapsed         whether the pool collapsed this month
 */
public record MonthRecord(int month, int poolBefore, int poolAfter, int perAgentThreshold, List<AgentMonth> agents,
                          List<ConversationEntry> conversation, String summary, Integer agreedLimit,
                          boolean collapsed) {

    /** Copies the lists. */
    public MonthRecord {
        agents = List.copyOf(agents);
        conversation = conversation == null ? List.of() : List.copyOf(conversation);
        summary = summary == null ? "" : summary;
    }

    /** Returns the total received by everyone this month. */
    public int totalReceived() {
        return agents.stream().mapToInt(AgentMonth::received).sum();
    }
}

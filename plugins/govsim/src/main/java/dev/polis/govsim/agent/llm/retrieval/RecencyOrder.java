package dev.polis.govsim.agent.llm.retrieval;

/**
 * Says which memories recency favours.
 *
 * <p>The original computes recency as 0.99^i with i the node's index in creation order, oldest first, so
 * the <em>oldest</em> memory scores highest: an inversion of generative agents (spec §6.2, quirk 2).
 */
public enum RecencyOrder {
    /** As the original: 0.99^i with the oldest node at i = 0 (older scores higher). The default. */
    OLDEST_FIRST,
    /** As generative agents intend: the newest node at i = 0 (newer scores higher). */
    NEWEST_FIRST
}

package dev.polis.govsim.agent.llm.retrieval;

import java.util.Objects;

/**
 * The weights of the retrieval score {@code recency·r + importance·i + relevance·v}.
 *
 * @param recency    weight of the recency term (0.5 in the original)
 * @param importance weight of the importance term (3)
 * @param relevance  weight of the relevance term (2)
 * @param decay      base of the recency term, {@code decay^i} (0.99)
 * @param order      which end of the stream recency favours
 */
public record RetrievalWeights(double recency, double importance, double relevance, double decay,
                               RecencyOrder order) {

    /** The original's weights, with its inverted recency. */
    public static final RetrievalWeights ORIGINAL = new RetrievalWeights(0.5, 3, 2, 0.99, RecencyOrder.OLDEST_FIRST);

    /** Checks the components. */
    public RetrievalWeights {
        Objects.requireNonNull(order, "order");
        if (decay <= 0 || decay > 1) {
            throw new IllegalArgumentException("decay must be in (0, 1] but was " + decay);
        }
    }

    /** Returns a copy with another recency order. */
    public RetrievalWeights withOrder(RecencyOrder newOrder) {
        return new RetrievalWeights(recency, importance, relevance, decay, newOrder);
    }
}

package dev.polis.govsim.agent.llm.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import dev.polis.govsim.agent.llm.memory.MemoryNode;

/**
 * Picks the memories a prompt shows, as the original does (spec §6.2).
 *
 * <p>For each focal point every candidate is scored {@code w_r·recency + w_i·(importance − 1)/9 +
 * w_v·relevance}; always-remember nodes score one more than the best other node, so they come first. The top
 * k of each focal point are merged without duplicates and returned in creation order.
 */
public final class Retriever {

    private final RetrievalWeights weights;
    private final Relevance relevance;

    /** Creates a retriever. */
    public Retriever(RetrievalWeights weights, Relevance relevance) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.relevance = Objects.requireNonNull(relevance, "relevance");
    }

    /** Returns up to {@code k} nodes per focal point from {@code candidates} (in creation order), merged. */
    public List<MemoryNode> retrieve(List<MemoryNode> candidates, List<String> focalPoints, int k) {
        if (candidates.isEmpty() || k <= 0) {
            return List.of();
        }
        List<String> texts = candidates.stream().map(MemoryNode::description).toList();
        Set<MemoryNode> chosen = new LinkedHashSet<>();
        for (String focal : focalPoints) {
            double[] scores = scores(candidates, relevance.score(focal, texts));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i));
            order.stream().limit(k).map(candidates::get).forEach(chosen::add);
        }
        return chosen.stream().sorted(Comparator.comparing(MemoryNode::created).thenComparingInt(MemoryNode::id))
                .toList();
    }

    /** Returns each candidate's score for one focal point, given its relevance scores. */
    double[] scores(List<MemoryNode> candidates, double[] relevances) {
        int n = candidates.size();
        double[] scores = new double[n];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int age = weights.order() == RecencyOrder.OLDEST_FIRST ? i : n - 1 - i;
            MemoryNode node = candidates.get(i);
            scores[i] = weights.recency() * Math.pow(weights.decay(), age)
                    + weights.importance() * (node.importance() - 1) / 9.0
                    + weights.relevance() * relevances[i];
            if (!node.alwaysInclude()) {
                best = Math.max(best, scores[i]);
            }
        }
        double top = (best == Double.NEGATIVE_INFINITY ? 0 : best) + 1;
        for (int i = 0; i < n; i++) {
            if (candidates.get(i).alwaysInclude()) {
                scores[i] = top;
            }
        }
        return scores;
    }
}

package dev.polis.govsim.agent.llm.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lexical relevance: the cosine of TF-IDF vectors, with document frequencies counted over the memories being
 * ranked and the query.
 *
 * <p>Term weight = (1 + ln tf) · idf with the smoothed idf = ln((1 + N) / (1 + df)) + 1. It needs no model,
 * costs no call and is deterministic; it is the default when no embedder is configured.
 */
public final class TfIdfRelevance implements Relevance {

    @Override
    public double[] score(String query, List<String> documents) {
        double[] scores = new double[documents.size()];
        List<String> queryTokens = Tokens.of(query == null ? "" : query);
        if (queryTokens.isEmpty() || documents.isEmpty()) {
            return scores;
        }
        List<List<String>> docTokens = documents.stream().map(Tokens::of).toList();
        Map<String, Integer> df = new HashMap<>();
        countDocumentFrequency(queryTokens, df);
        docTokens.forEach(tokens -> countDocumentFrequency(tokens, df));
        int n = documents.size() + 1;
        Map<String, Double> q = weights(queryTokens, df, n);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = cosine(q, weights(docTokens.get(i), df, n));
        }
        return scores;
    }

    private static void countDocumentFrequency(List<String> tokens, Map<String, Integer> df) {
        Set<String> seen = new HashSet<>(tokens);
        seen.forEach(t -> df.merge(t, 1, Integer::sum));
    }

    private static Map<String, Double> weights(List<String> tokens, Map<String, Integer> df, int n) {
        Map<String, Integer> tf = new HashMap<>();
        tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
        Map<String, Double> w = new HashMap<>();
        tf.forEach((term, count) -> w.put(term,
                (1 + Math.log(count)) * (Math.log((1.0 + n) / (1.0 + df.getOrDefault(term, 0))) + 1)));
        return w;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    private static double norm(Map<String, Double> v) {
        return Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    }
}

package dev.polis.govsim.agent.llm.retrieval;

import java.util.List;

/** Scores how relevant each memory text is to a query, as a cosine similarity. */
@FunctionalInterface
public interface Relevance {

    /** Returns one score per document, in order, each in [-1, 1]; a blank query scores 0 everywhere. */
    double[] score(String query, List<String> documents);
}

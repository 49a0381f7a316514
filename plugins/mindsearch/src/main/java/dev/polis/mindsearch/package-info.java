/**
 * MindSearch for Polis: a planner model decomposes a question into a graph of sub-questions, searcher agents answer
 * them in parallel over a {@link dev.polis.api.search.SearchBackend} with {@code [[n]]} citations, and the planner
 * writes the final cited answer.
 */
package dev.polis.mindsearch;

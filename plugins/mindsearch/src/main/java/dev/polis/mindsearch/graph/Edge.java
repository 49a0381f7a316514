package dev.polis.mindsearch.graph;

/**
 * A dependency between two nodes: the answer of {@code start} is context for the question of {@code end}.
 *
 * @param start the parent node's name
 * @param end   the child node's name
 */
public record Edge(String start, String end) {
}

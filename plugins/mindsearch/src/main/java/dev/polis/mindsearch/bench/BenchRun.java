package dev.polis.mindsearch.bench;

/**
 * One timed answer of the benchmark's question.
 *
 * @param round             the round, from 1
 * @param threads           searchers running at once ({@code -j})
 * @param seconds           wall time of the question, records included
 * @param complete          whether the planner gave a final answer
 * @param plannerTurns      planner turns
 * @param nodes             searcher nodes
 * @param widestTurn        the most nodes one planner turn added
 * @param documentsSurfaced distinct documents in search results
 * @param run               the run folder
 */
public record BenchRun(int round, int threads, double seconds, boolean complete, int plannerTurns, int nodes,
                       int widestTurn, int documentsSurfaced, String run) {
}

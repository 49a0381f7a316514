package dev.polis.mindsearch.planner;

import dev.polis.mindsearch.cite.CitedAnswer;
import dev.polis.mindsearch.cite.Numbering;
import dev.polis.mindsearch.graph.SearchGraph;

/**
 * How a request ended.
 *
 * @param answer   the cited answer; when not {@code complete}, the partial answer made of the nodes' answers
 * @param complete whether the planner wrote a final answer
 * @param problem  why it did not, one sentence; empty when complete
 * @param turns    planner turns taken
 * @param graph    the graph it built
 * @param sources  every cited source, numbered for the request
 */
public record PlannerResult(CitedAnswer answer, boolean complete, String problem, int turns, SearchGraph graph,
                            Numbering sources) {
}

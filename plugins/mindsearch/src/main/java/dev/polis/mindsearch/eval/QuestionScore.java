package dev.polis.mindsearch.eval;

/**
 * How one system did on one question ({@code score.json} in the question's run folder; a question with one is not
 * run again when the eval resumes).
 *
 * @param system             the system's id
 * @param id                 the question's id
 * @param complete           whether the system gave a final answer (an incomplete one scores 0)
 * @param problem            why it did not; empty when complete
 * @param answer             the answer scored: the final answer without citation markers and source list
 * @param exactMatch         1 or 0, SQuAD-style
 * @param f1                 token F1, SQuAD-style
 * @param contains           1 when a gold answer occurs in the answer (normalised, whole tokens), else 0
 * @param plannerTurns       planner turns (0 for the baselines)
 * @param nodes              searcher nodes (1 for ReAct, 0 without search)
 * @param failedNodes        nodes that failed or timed out
 * @param searches           search calls over all nodes
 * @param documentsSurfaced  distinct documents in search results
 * @param documentsRead      distinct documents read in full
 * @param modelCalls         model calls (planner and searchers), as recorded in the run's {@code calls.jsonl}
 * @param citations          sources the final answer cites
 * @param supportedCitations of those, the ones holding a supporting fact
 * @param wallSeconds        wall time of the question, records included
 */
public record QuestionScore(String system, String id, boolean complete, String problem, String answer,
                            double exactMatch, double f1, double contains, int plannerTurns, int nodes,
                            int failedNodes, int searches, int documentsSurfaced, int documentsRead, int modelCalls,
                            int citations, int supportedCitations, double wallSeconds) {
}

/**
 * Evaluation: QA files, SQuAD-style answer scores, citation precision against supporting facts, and the paper's two
 * baselines (no search; a ReAct-style single searcher) built from the same components as MindSearch.
 */
package dev.polis.mindsearch.eval;

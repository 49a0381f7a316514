package dev.polis.mindsearch.graph;

/** What a node of the search graph stands for. */
public enum NodeKind {
    /** The user's question; never searched. */
    ROOT,
    /** A sub-question answered by a searcher agent. */
    SEARCHER,
    /** The end of the graph: the planner is ready to write the final answer. */
    RESPONSE
}

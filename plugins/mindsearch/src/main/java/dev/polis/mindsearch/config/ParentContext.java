package dev.polis.mindsearch.config;

/** Which parent answers a searcher node is given. */
public enum ParentContext {
    /**
     * Every parent with an edge into the node, whatever order the planner declared nodes and edges in; a parent of
     * the same turn is waited for.
     */
    FIXED,
    /**
     * The original's behaviour: only parents whose edge was declared before the node and that were already answered
     * when it was declared (usually none, since planners add the node before its edge).
     */
    ORIGINAL
}

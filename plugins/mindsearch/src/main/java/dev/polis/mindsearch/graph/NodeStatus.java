package dev.polis.mindsearch.graph;

/** How far a searcher node got; the numbers are the original's edge states where it has them. */
public enum NodeStatus {
    /** Declared, its searcher not started (the original's state 2). */
    PENDING,
    /** Its searcher is working (state 1). */
    RUNNING,
    /** Answered (state 3). */
    DONE,
    /** Its searcher failed or timed out; its answer is empty. */
    FAILED
}

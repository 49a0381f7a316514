package dev.polis.mindsearch.interp;

/** The value of {@code WebSearchGraph()} in planner code: every instance is the request's one graph. */
record GraphHandle() {
}

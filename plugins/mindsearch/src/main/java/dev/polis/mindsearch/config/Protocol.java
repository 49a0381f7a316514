package dev.polis.mindsearch.config;

/** How the planner and the searchers talk to the model. */
public enum Protocol {
    /** The original's text protocol: Python code blocks for the planner, JSON after a marker for the searchers. */
    CODE,
    /** Native JSON tool calls (ChatRequest tools) for the planner's graph and the searchers' search and select. */
    TOOLS
}

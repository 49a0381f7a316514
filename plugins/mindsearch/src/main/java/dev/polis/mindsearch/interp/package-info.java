/**
 * A tolerant interpreter for the Python subset planners write against the {@code WebSearchGraph} API: assignments,
 * calls with positional and keyword string arguments, comments, implicit string concatenation. Anything else comes
 * back as an error the planner reads, never as a crash.
 */
package dev.polis.mindsearch.interp;

/** The planner agent: reads the model's replies (code blocks or tool calls), grows the graph, and writes the answer. */
package dev.polis.mindsearch.planner;

/** The planner's search graph: a root question, searcher nodes, edges and the response node. */
package dev.polis.mindsearch.graph;

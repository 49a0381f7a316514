/** Runs the searcher nodes of a planner turn in parallel, bounded, with per-node and per-request time limits. */
package dev.polis.mindsearch.exec;

/** The parallel speed-up benchmark: one question answered with several searcher thread counts, alternated. */
package dev.polis.mindsearch.bench;

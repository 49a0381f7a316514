/** The searcher agent: search, select and answer one sub-question with {@code [[n]]} citations. */
package dev.polis.mindsearch.searcher;

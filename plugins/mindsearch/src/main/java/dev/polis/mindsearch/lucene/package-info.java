/**
 * The default search backend, {@code search.lucene}: an embedded Apache Lucene BM25 index of passages built from a
 * folder of txt, md and html files by {@code polis index}.
 */
package dev.polis.mindsearch.lucene;

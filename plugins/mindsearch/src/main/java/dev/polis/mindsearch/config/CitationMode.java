package dev.polis.mindsearch.config;

/** How citations are numbered across the nodes of a request. */
public enum CitationMode {
    /** One number per document for the whole request; the final answer renumbered 1, 2, ... in order of appearance. */
    GLOBAL,
    /** The original's v0.2 numbering (per node, with a one-number gap, repeated sources), for side-by-side diffs. */
    ORIGINAL
}

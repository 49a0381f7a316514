package dev.polis.runtime.seam;

import java.util.List;

/** Installs {@link KvCachePolicy KV-cache policies}; several run in installation order. */
public interface KvCachePolicySeam {

    /** Adds {@code policy} after those already installed. */
    void add(KvCachePolicy policy);

    /** Returns the installed policies, in order. */
    List<KvCachePolicy> policies();
}

/**
 * The inference seams: causal language models as token-level sessions, decoders that drive them,
 * and accelerators that install themselves into a runtime. No tensor library appears here.
 */
package dev.polis.api.inference;

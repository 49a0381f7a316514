/**
 * Early-exit and self-speculative decoding on the runtime's {@link dev.polis.runtime.seam.LayerAccess} seam: the
 * draft runs layers {@code 0..E-1} and exits through the shared final norm and head, the verifier runs layers
 * {@code E..L-1} once over the draft's exit-layer hidden states, and every layer keeps one KV cache.
 */
package dev.polis.layerskip.decode;

/**
 * LayerSkip on the gpu-backend runtime: early-exit inference and self-speculative decoding ({@code decode}), the
 * training recipe ({@code train}) and the benchmark command ({@code cli}).
 */
package dev.polis.layerskip;

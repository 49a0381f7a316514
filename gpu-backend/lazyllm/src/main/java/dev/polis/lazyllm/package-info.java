/**
 * LazyLLM on the gpu-backend runtime (Fu et al., 2024): the accelerator ({@code accelerator.lazyllm}); the pruning,
 * the Aux Cache and the schedule are in {@code prune}, the calibration command in {@code cli}.
 */
package dev.polis.lazyllm;

/**
 * SnapKV on the gpu-backend runtime (Li et al., 2024): the accelerator ({@code accelerator.snapkv}) and its
 * settings; the compression itself is in {@code policy}, the benchmark command in {@code cli}.
 */
package dev.polis.snapkv;

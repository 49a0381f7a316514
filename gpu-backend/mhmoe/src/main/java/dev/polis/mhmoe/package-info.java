/**
 * MH-MoE (Wu et al., 2024, arXiv 2404.15045) on the gpu-backend runtime: the {@code accelerator.mhmoe} extension
 * that installs a checkpoint's multi-head mixture-of-experts blocks into the feed-forward seam.
 */
package dev.polis.mhmoe;

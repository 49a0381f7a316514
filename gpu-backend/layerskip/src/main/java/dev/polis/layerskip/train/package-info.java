/**
 * The LayerSkip training recipe ({@code polis model train --recipe layerskip}): per-sample layer dropout rising with
 * depth (and over time when pretraining from scratch) and an early-exit loss through the shared final norm and head,
 * with its per-layer scale and the rotational or gradual curriculum (spec §A.2).
 */
package dev.polis.layerskip.train;

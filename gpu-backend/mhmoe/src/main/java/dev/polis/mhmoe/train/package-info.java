/** The {@code mhmoe} training recipe: MH-MoE blocks and their balance loss in {@code polis model train}. */
package dev.polis.mhmoe.train;

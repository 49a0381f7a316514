/** {@code polis layerskip bench}: self-speculative versus full-model greedy decoding, side by side. */
package dev.polis.layerskip.cli;

/** The {@code polis mhmoe} commands: init (an MH-MoE checkpoint), stats (perplexity, routing), bench (throughput). */
package dev.polis.mhmoe.cli;

/**
 * LazyLLM's algorithm on the runtime's seams: the schedule of keep fractions, the prefill strategy that prunes prompt
 * tokens layer by layer by the last token's attention, the Aux Cache of pruned tokens' hidden states, and the decode
 * strategy that revives them from the layer where they stopped.
 */
package dev.polis.lazyllm.prune;

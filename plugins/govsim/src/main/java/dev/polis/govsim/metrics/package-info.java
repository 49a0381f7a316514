/** The paper's metrics (survival, gain, efficiency, equality, over-usage), per-month series and aggregation. */
package dev.polis.govsim.metrics;

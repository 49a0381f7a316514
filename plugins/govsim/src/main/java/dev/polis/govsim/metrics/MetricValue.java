package dev.polis.govsim.metrics;

/**
 * One aggregated metric: the paper's mean of scenario means and the 95% t-interval half-width over all runs.
 *
 * @param mean the unweighted mean of the per-scenario means
 * @param ci95 t(0.975, N−1) · s / √N over the N run-level values (ddof = 1)
 */
public record MetricValue(double mean, double ci95) {
}

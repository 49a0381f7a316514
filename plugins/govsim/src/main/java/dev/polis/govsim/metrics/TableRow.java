package dev.polis.govsim.metrics;

import java.util.Map;

/**
 * One row of a Table-1-style summary: a society (model) under an experiment, aggregated over scenarios and seeds.
 *
 * @param society      the society or model label
 * @param experiment   the experiment id
 * @param runs         how many runs were aggregated
 * @param survivalRate percent of runs that lasted the horizon (mean of scenario rates)
 * @param survivalTime months
 * @param gain         units
 * @param efficiency   percent
 * @param equality     percent
 * @param overUsage    percent
 * @param perScenario  each scenario's means, by scenario id (same metric order)
 * @param incomplete   how many of the runs stopped early without a collapse (left out of survival rate and time)
 */
public record TableRow(String society, String experiment, int runs, MetricValue survivalRate,
                       MetricValue survivalTime, MetricValue gain, MetricValue efficiency, MetricValue equality,
                       MetricValue overUsage, Map<String, double[]> perScenario,
                       int incomplete) {
}

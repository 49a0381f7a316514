package dev.polis.govsim.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Aggregates run metrics the way the paper's Table 1 does: per scenario the mean over seeds, then the unweighted
 * mean of the scenario means; the ± is the 95% t-interval half-width over all run-level values.
 *
 * <p>Undefined values (equality of a run in which nobody received anything) are left out of their metric.
 * Incomplete runs (logs that stop early without a collapse) are left out of the survival rate and survival time,
 * which they cannot tell, and count in the other metrics.
 */
public final class Aggregation {

    private static final Predicate<RunMetrics> ALL = m -> true;
    private static final Predicate<RunMetrics> COMPLETE = RunMetrics::complete;

    private Aggregation() {
    }

    /** One run's metrics with the scenario it was played in. */
    public record ScenarioRun(String scenario, RunMetrics metrics) {
    }

    /** Aggregates the runs of one society under one experiment. */
    public static TableRow row(String society, String experiment, List<ScenarioRun> runs) {
        Map<String, List<RunMetrics>> byScenario = new LinkedHashMap<>();
        runs.forEach(r -> byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r.metrics()));
        Map<String, double[]> perScenario = new LinkedHashMap<>();
        byScenario.forEach((scenario, list) -> perScenario.put(scenario, new double[] {
            mean(list, COMPLETE, m -> m.survived() ? 100 : 0), mean(list, COMPLETE, RunMetrics::survivalMonths),
            mean(list, ALL, RunMetrics::gain), mean(list, ALL, RunMetrics::efficiency),
            mean(list, ALL, RunMetrics::equality), mean(list, ALL, RunMetrics::overUsage)}));
        List<RunMetrics> all = runs.stream().map(ScenarioRun::metrics).toList();
        int incomplete = (int) all.stream().filter(m -> !m.complete()).count();
        return new TableRow(society, experiment, runs.size(),
                value(perScenario, 0, all, COMPLETE, m -> m.survived() ? 100 : 0),
                value(perScenario, 1, all, COMPLETE, RunMetrics::survivalMonths),
                value(perScenario, 2, all, ALL, RunMetrics::gain),
                value(perScenario, 3, all, ALL, RunMetrics::efficiency),
                value(perScenario, 4, all, ALL, RunMetrics::equality),
                value(perScenario, 5, all, ALL, RunMetrics::overUsage), perScenario, incomplete);
    }

    /** Returns the unweighted mean of per-scenario means (index {@code metric} of each scenario's array). */
    public static double meanOfScenarioMeans(Map<String, double[]> perScenario, int metric) {
        return perScenario.values().stream().mapToDouble(v -> v[metric]).filter(d -> !Double.isNaN(d)).average()
                .orElse(Double.NaN);
    }

    private static MetricValue value(Map<String, double[]> perScenario, int metric, List<RunMetrics> all,
                                     Predicate<RunMetrics> counted, ToDoubleFunction<RunMetrics> get) {
        double[] values = all.stream().filter(counted).mapToDouble(get).filter(d -> !Double.isNaN(d)).toArray();
        return new MetricValue(meanOfScenarioMeans(perScenario, metric), StudentT.halfWidth(values));
    }

    private static double mean(List<RunMetrics> list, Predicate<RunMetrics> counted, ToDoubleFunction<RunMetrics> get) {
        return list.stream().filter(counted).mapToDouble(get).filter(d -> !Double.isNaN(d)).average()
                .orElse(Double.NaN);
    }
}

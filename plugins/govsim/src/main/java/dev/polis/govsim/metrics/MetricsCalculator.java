package dev.polis.govsim.metrics;

import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.MonthRecord;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a run's {@link RunMetrics} exactly as spec §3 describes.
 *
 * <p>Survival uses the collapse test {@code poolAfter < collapseThreshold} (the original's code). Gain averages over
 * every agent that played at least one month. Over-usage compares what each present agent received with that
 * month's per-agent threshold and divides by the number of agent-months played ({@code |I|·m} when everyone plays
 * every month). Months that end before the horizon without a collapse make an incomplete run
 * ({@link RunMetrics#complete()} false), not a collapse.
 *
 * @param horizon            T, the months a surviving run lasts
 * @param groupThreshold0    f(0), the group's sustainable total in the first month (50)
 * @param collapseThreshold  C (5)
 * @param paperCollapse      true to count {@code poolAfter == C} as collapse (quirk 7, paper wording)
 */
public record MetricsCalculator(int horizon, int groupThreshold0, int collapseThreshold, boolean paperCollapse) {

    /** Returns the calculator for the paper's defaults: T = 12, f(0) = 50, C = 5, the code's collapse test. */
    public static MetricsCalculator paper() {
        return new MetricsCalculator(12, 50, 5, false);
    }

    /** Returns the calculator of a run configured by {@code config} (its horizon, f(0) = pool / 2, C, collapse rule). */
    public static MetricsCalculator of(dev.polis.govsim.game.GovSimConfig config) {
        return new MetricsCalculator(config.horizon(), config.initialPool() / 2, config.collapseThreshold(),
                config.collapseRule() == dev.polis.govsim.game.CollapseRule.PAPER);
    }

    /** Computes the metrics of our own records. */
    public RunMetrics compute(List<MonthRecord> months) {
        return computeData(months.stream().map(MetricsCalculator::data).toList());
    }

    /** Turns one of our month records into the data the metrics need. */
    public static MonthData data(MonthRecord month) {
        return new MonthData(month.poolBefore(), month.poolAfter(), month.perAgentThreshold(),
                month.agents().stream().map(AgentMonth::agentId).toList(),
                month.agents().stream().map(AgentMonth::received).toList());
    }

    /** Computes the metrics of months from any source. */
    public RunMetrics computeData(List<MonthData> months) {
        int survival = months.size();
        boolean collapsed = false;
        for (int t = 0; t < months.size(); t++) {
            int left = months.get(t).poolAfter();
            if (paperCollapse ? left <= collapseThreshold : left < collapseThreshold) {
                survival = t + 1;
                collapsed = true;
                break;
            }
        }
        Map<String, Double> totals = new LinkedHashMap<>();
        long over = 0;
        long agentMonths = 0;
        for (int t = 0; t < survival; t++) {
            MonthData month = months.get(t);
            for (int i = 0; i < month.agentIds().size(); i++) {
                int r = month.received().get(i);
                totals.merge(month.agentIds().get(i), (double) r, Double::sum);
                agentMonths++;
                if (r > month.threshold()) {
                    over++;
                }
            }
        }
        Set<String> everyone = new LinkedHashSet<>(totals.keySet());
        double[] values = everyone.stream().mapToDouble(totals::get).toArray();
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double gain = values.length == 0 ? 0 : sum / values.length;
        double budget = (double) horizon * groupThreshold0;
        double efficiency = budget <= 0 ? 0 : 100 * (1 - Math.max(0, budget - sum) / budget);
        double overUsage = agentMonths == 0 ? 0 : 100.0 * over / agentMonths;
        boolean lasted = !collapsed && survival >= horizon;
        return new RunMetrics(survival, lasted, gain, efficiency, 100 * Gini.equality(values), overUsage,
                collapsed || lasted);
    }
}

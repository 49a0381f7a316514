package dev.polis.govsim.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paper's metrics of one run (spec §3), percentages as 0–100.
 *
 * @param survivalMonths m: the 1-based month of collapse, or the months played when the pool never collapsed
 * @param survived       whether the run lasted its whole horizon (counts toward the survival rate)
 * @param gain           the mean over agents of each agent's total received units
 * @param efficiency     100 · min(1, total received / (T · f(0)))
 * @param equality       100 · (1 − Gini of the agents' totals); {@code NaN} when nobody received anything
 * @param overUsage      100 · share of agent-months in which an agent received more than the per-agent threshold
 */
public record RunMetrics(int survivalMonths, boolean survived, double gain, double efficiency, double equality,
                         double overUsage) {

    /** Returns the metrics as a flat map for {@code metrics.json}. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("survival_months", (double) survivalMonths);
        map.put("survived", survived ? 1.0 : 0.0);
        map.put("gain", gain);
        map.put("efficiency", efficiency);
        map.put("equality", equality);
        map.put("over_usage", overUsage);
        return map;
    }

    /** Reads the map written by {@link #asMap()}. */
    public static RunMetrics fromMap(Map<String, Double> map) {
        return new RunMetrics(map.get("survival_months").intValue(), map.get("survived") > 0.5, map.get("gain"),
                map.get("efficiency"), map.getOrDefault("equality", Double.NaN), map.get("over_usage"));
    }
}

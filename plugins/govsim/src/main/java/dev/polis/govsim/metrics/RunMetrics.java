package dev.polis.govsim.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paper's metrics of one run (spec §3), percentages as 0–100.
 *
 * <p>A run is <em>complete</em> when it collapsed or lasted its horizon. An incomplete run (an imported log that
 * stops early without a collapse) says nothing about survival: its survival months are a lower bound, and it is
 * kept out of the survival rate and survival time of a table row and censored in the Kaplan–Meier curve.
 *
 * @param survivalMonths m: the 1-based month of collapse, or the months played when the pool never collapsed
 * @param survived       whether the run lasted its whole horizon (counts toward the survival rate)
 * @param gain           the mean over agents of each agent's total received units
 * @param efficiency     100 · min(1, total received / (T · f(0)))
 * @param equality       100 · (1 − Gini of the agents' totals); {@code NaN} (undefined: null in JSON, n/a in tables)
 *                       when nobody received anything
 * @param overUsage      100 · share of agent-months in which an agent received more than the per-agent threshold
 * @param complete       whether the run collapsed or reached its horizon
 */
public record RunMetrics(int survivalMonths, boolean survived, double gain, double efficiency, double equality,
                         double overUsage, boolean complete) {

    /** Creates the metrics of a complete run. */
    public RunMetrics(int survivalMonths, boolean survived, double gain, double efficiency, double equality,
                      double overUsage) {
        this(survivalMonths, survived, gain, efficiency, equality, overUsage, true);
    }

    /** Returns whether equality is defined (someone received something). */
    public boolean equalityDefined() {
        return !Double.isNaN(equality);
    }

    /**
     * Returns the metrics as a flat map for {@code metrics.json}; an undefined equality is {@code NaN} here and
     * the host writes it as JSON {@code null}.
     */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("survival_months", (double) survivalMonths);
        map.put("survived", survived ? 1.0 : 0.0);
        map.put("gain", gain);
        map.put("efficiency", efficiency);
        map.put("equality", equality);
        map.put("over_usage", overUsage);
        map.put("complete", complete ? 1.0 : 0.0);
        return map;
    }

    /** Reads the map written by {@link #asMap()} (a missing or null equality is undefined; no {@code complete}: complete). */
    public static RunMetrics fromMap(Map<String, Double> map) {
        Double equality = map.get("equality");
        Double complete = map.get("complete");
        return new RunMetrics(map.get("survival_months").intValue(), map.get("survived") > 0.5, map.get("gain"),
                map.get("efficiency"), equality == null ? Double.NaN : equality, map.get("over_usage"),
                complete == null || Double.isNaN(complete) || complete > 0.5);
    }
}

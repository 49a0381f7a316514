package dev.polis.govsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregation over runs: scenario means first, then their unweighted mean; the ± is the t-interval over runs. */
class AggregationTest {

    @Test
    void unweightedMeanOfScenarioMeansAndTInterval() {
        List<Aggregation.ScenarioRun> runs = new ArrayList<>();
        runs.add(new Aggregation.ScenarioRun("fishery", new RunMetrics(12, true, 120, 100, 100, 0)));
        runs.add(new Aggregation.ScenarioRun("fishery", new RunMetrics(12, true, 120, 100, 100, 0)));
        runs.add(new Aggregation.ScenarioRun("pasture", new RunMetrics(1, false, 20, 16.67, 50, 20)));
        TableRow row = Aggregation.row("s", "default", runs);
        assertThat(row.survivalTime().mean()).isCloseTo(6.5, within(1e-9));
        assertThat(row.survivalRate().mean()).isCloseTo(50, within(1e-9));
        double sd = Math.sqrt(((12 - 25.0 / 3) * (12 - 25.0 / 3) * 2 + (1 - 25.0 / 3) * (1 - 25.0 / 3)) / 2);
        assertThat(row.survivalTime().ci95()).isCloseTo(4.303 * sd / Math.sqrt(3), within(1e-9));
    }
}

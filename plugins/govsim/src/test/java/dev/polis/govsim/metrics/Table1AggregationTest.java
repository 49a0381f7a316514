package dev.polis.govsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mean of the per-scenario tables (spec §5.2) reproduces Table 1 (spec §5.1) to its printed precision. */
class Table1AggregationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Llama-3-8B;0/1/20/16.67/67.6/21.43;0/1/20/16.67/61.44/24.29;0/1/20/16.67/42.88/14.29;0.0/1.0/20.0/16.7/57.3/20.0",
        "Llama-3-70B;0/1/20/16.67/88.16/39.4;0/1/20/16.67/92.4/40.52;0/1/20/16.67/91.6/36.26;0.0/1.0/20.0/16.7/90.7/38.7",
        "Mixtral-8x7B;0/1/20/16.67/85.52/40.87;0/1/20/16.67/80.16/34.33;0/1.2/20.28/16.9/59.19/24.57;0.0/1.1/20.1/16.7/75.0/33.3",
        "Qwen-110B;40/6.6/49.04/40.87/88.65/28.51;0/3.2/27.76/23.13/86.52/56.55;20/3.6/32.24/26.87/93.66/55.83;20.0/4.5/36.3/30.3/89.6/47.0",
        "Claude-3 Opus;60/9.6/56.28/46.9/94.57/18.79;80/10.2/99.24/82.7/98.23/9.86;0/1/20/16.67/81.44/34.46;46.7/6.9/58.5/48.8/91.4/21.0",
        "GPT-4-turbo;100/12/108.8/90.67/98.05/0.51;0/2/23.12/19.27/91.63/35.11;20/5.8/55.32/46.1/91.2/11.39;40.0/6.6/62.4/52.0/93.6/15.7",
        "GPT-4o;100/12/71.36/59.47/98.03/0.35;20/6.6/57.92/48.27/94.7/24.61;40/9.2/68.84/57.37/90.54/7.57;53.3/9.3/66.0/55.0/94.4/10.8"})
    void meanOfScenarioMeansGivesTable1(String model, String fishery, String pasture, String pollution, String table1) {
        Map<String, double[]> perScenario = new LinkedHashMap<>();
        perScenario.put("fishery", parse(fishery));
        perScenario.put("pasture", parse(pasture));
        perScenario.put("pollution", parse(pollution));
        double[] expected = parse(table1);
        for (int metric = 0; metric < 6; metric++) {
            double mean = Aggregation.meanOfScenarioMeans(perScenario, metric);
            assertThat(Math.round(mean * 10) / 10.0).as(model + " metric " + metric).isCloseTo(expected[metric],
                    within(1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource({"14,2.145", "5,2.571", "30,2.042"})
    void tQuantiles(int df, double q) {
        assertThat(StudentT.quantile975(df)).isEqualTo(q);
    }

    private static double[] parse(String cell) {
        String[] parts = cell.split("/");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }
}

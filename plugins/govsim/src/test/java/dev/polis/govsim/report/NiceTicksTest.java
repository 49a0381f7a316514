package dev.polis.govsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Axis ticks are 1, 2, 2.5 or 5 times a power of ten, whatever the data's maximum. */
class NiceTicksTest {

    @Test
    void stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertThat(NiceTicks.step(3.8, false)).isEqualTo(1.0);
        assertThat(NiceTicks.end(3.8, 1.0)).isEqualTo(4.0);
        assertThat(NiceTicks.step(1.0, false)).isEqualTo(0.2);
        assertThat(NiceTicks.step(1.4, false)).isEqualTo(0.25);
        assertThat(NiceTicks.step(0.3, false)).isEqualTo(0.05);
        assertThat(NiceTicks.step(100, true)).isEqualTo(20.0);
        assertThat(NiceTicks.step(12, true)).isEqualTo(2.0);
        assertThat(NiceTicks.step(15, false)).isEqualTo(2.5);
        assertThat(NiceTicks.step(15, true)).as("whole months: no 2.5").isEqualTo(5.0);
        assertThat(NiceTicks.step(3, true)).as("3 runs: whole steps, never 0.75").isEqualTo(1.0);
        assertThat(NiceTicks.step(0, false)).isEqualTo(0.2);
    }

    @Test
    void everyStepFromTheTinyToTheHugeIsNiceAndGivesAtMostSixIntervals() {
        for (double max = 0.01; max < 1e6; max *= 1.37) {
            for (boolean whole : new boolean[] {false, true}) {
                double step = NiceTicks.step(max, whole);
                double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
                assertThat(List.of(1.0, 2.0, 2.5, 5.0)).as("step %s for max %s", step, max)
                        .anySatisfy(m -> assertThat(mantissa).isCloseTo(m, org.assertj.core.data.Offset.offset(1e-9)));
                assertThat(NiceTicks.end(max, step) / step).isLessThanOrEqualTo(NiceTicks.MAX_INTERVALS + 1e-9);
                assertThat(NiceTicks.end(max, step)).isGreaterThanOrEqualTo(max - 1e-9);
            }
        }
    }

    @Test
    void aChartShowsOnlyNiceTickLabels() {
        String svg = new SvgChart("t", "month", "runs", 12, 3.8, SvgChart.Style.LINE)
                .add(new SvgChart.Series("a", new double[] {0, 12}, new double[] {0, 3.8})).render();
        Matcher m = Pattern.compile("class=\"tick\"[^>]*>([^<]*)</text>").matcher(svg);
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1));
        }
        assertThat(labels).containsExactly("0", "1", "2", "3", "4", "0", "2", "4", "6", "8", "10", "12");
        assertThat(NiceTicks.format(0.25)).isEqualTo("0.25");
        assertThat(NiceTicks.format(0.6000000000000001)).isEqualTo("0.6");
    }

    @Test
    void aChartWithManySeedsKeepsItsLegendInsideTheChart() {
        SvgChart chart = new SvgChart("t", "month", "resource", 12, 100, SvgChart.Style.LINE);
        for (int i = 0; i < 40; i++) {
            chart.add(new SvgChart.Series("seed " + i, new double[] {0, 1}, new double[] {100, 50}));
        }
        String svg = chart.render();
        assertThat(svg).contains("seed 14").doesNotContain("seed 15<").contains("… 25 more");
    }
}

package dev.polis.govsim.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polis.govsim.metrics.Gini;
import dev.polis.govsim.metrics.MetricsCalculator;
import dev.polis.govsim.metrics.RunMetrics;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The closed-form oracles of spec §10. */
class OracleTest {

    private static RunMetrics metrics(GameState state) {
        return MetricsCalculator.paper().compute(state.months());
    }

    @Test
    void oracle1Thresholds() {
        int[] expected = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        for (int i = 0; i < expected.length; i++) {
            assertThat(Dynamics.perAgentThreshold(100 - 10 * i, 5)).isEqualTo(expected[i]);
        }
        assertThat(Dynamics.groupThreshold(100)).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource({"50,12", "51,6", "55,4", "60,3", "70,2", "80,2", "90,2", "100,1"})
    void oracle2ConstantGroupTotal(int total, int survival) {
        List<ToIntFunction<HarvestRequest>> rules = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int share = total / 5 + (i < total % 5 ? 1 : 0);
            rules.add(r -> share);
        }
        GameState state = Games.play(GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 1), rules);
        assertThat(metrics(state).survivalMonths()).isEqualTo(survival);
        if (total == 51) {
            assertThat(state.months().stream().map(MonthRecord::poolBefore).toList())
                    .containsExactly(100, 98, 94, 86, 70, 38);
        }
    }

    @ParameterizedTest
    @CsvSource({"8,12,96,80", "9,12,108,90", "10,12,120,100", "11,4,39,32.5", "12,3,32,26.6667", "13,3,28,23.3333",
        "14,2,26,21.6667", "15,2,25,20.8333", "19,2,21,17.5", "20,1,20,16.6667", "35,1,20,16.6667"})
    void oracle3EveryoneTakesX(int x, int survival, double gain, double efficiency) {
        RunMetrics m = metrics(Games.constant(x, 7));
        assertThat(m.survivalMonths()).isEqualTo(survival);
        assertThat(m.gain()).isCloseTo(gain, within(1e-3));
        assertThat(m.efficiency()).isCloseTo(efficiency, within(1e-3));
        assertThat(m.survived()).isEqualTo(survival == 12);
        if (x == 10) {
            assertThat(m.equality()).isCloseTo(100, within(1e-9));
            assertThat(m.overUsage()).isZero();
        }
    }

    @Test
    void oracle3ElevenTakesPoolsHundredNinetySeventyThirty() {
        GameState state = Games.constant(11, 3);
        assertThat(state.months().stream().map(MonthRecord::poolBefore).toList()).containsExactly(100, 90, 70, 30);
        assertThat(state.months().get(3).totalReceived()).isEqualTo(30);
    }

    @ParameterizedTest
    @CsvSource({"96,19.2", "97,19.4", "99,19.8", "100,20", "140,20"})
    void oracle4MonthOneCollapse(int total, double gain) {
        List<ToIntFunction<HarvestRequest>> rules = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int share = total / 5 + (i < total % 5 ? 1 : 0);
            rules.add(r -> share);
        }
        RunMetrics m = metrics(Games.play(GovSimConfig.defaults(Scenario.PASTURE, Experiment.DEFAULT, 2), rules));
        assertThat(m.survivalMonths()).isEqualTo(1);
        assertThat(m.gain()).isCloseTo(gain, within(1e-9));
        assertThat(m.survived()).isFalse();
    }

    @Test
    void oracle5OptimumIs645AndEfficiencyCaps() {
        List<ToIntFunction<HarvestRequest>> rules = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rules.add(r -> r.context().month() == 11 ? 19 : 10);
        }
        GameState state = Games.play(GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 1), rules);
        RunMetrics m = metrics(state);
        assertThat(state.months().stream().mapToInt(MonthRecord::totalReceived).sum()).isEqualTo(645);
        assertThat(m.survivalMonths()).isEqualTo(12);
        assertThat(m.survived()).isTrue();
        assertThat(m.efficiency()).isEqualTo(100.0);
    }

    @Test
    void oracle6Equality() {
        assertThat(Gini.equality(new double[] {5, 5, 5, 5, 5})).isEqualTo(1.0);
        assertThat(Gini.equality(new double[] {100, 0, 0, 0, 0})).isCloseTo(0.2, within(1e-12));
        assertThat(Gini.equality(new double[] {20, 10, 10, 10, 0})).isCloseTo(0.68, within(1e-12));
    }

    @Test
    void oracle7OverUsage() {
        List<ToIntFunction<HarvestRequest>> rules = new ArrayList<>();
        rules.add(r -> 60);
        for (int i = 0; i < 4; i++) {
            rules.add(r -> 10);
        }
        RunMetrics m = metrics(Games.play(GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 1), rules));
        assertThat(m.survivalMonths()).isEqualTo(1);
        assertThat(m.overUsage()).isCloseTo(20, within(1e-9));
        assertThat(m.equality()).isCloseTo(60, within(1e-9));

        GameState eleven = Games.constant(11, 5);
        assertThat(eleven.months().subList(0, 3).stream().map(MonthRecord::perAgentThreshold).toList())
                .containsExactly(10, 9, 7);
        assertThat(eleven.months().subList(0, 3).stream().flatMap(mr -> mr.agents().stream())
                .allMatch(a -> a.received() > 0 && a.received() == 11)).isTrue();
    }

    @Test
    void oracle8AllocationExtremes() {
        assertThat(StochasticAllocation.allocate(new int[] {100, 0, 0, 0, 0}, 100,
                StochasticAllocation.monthRandom(1, 0))).containsExactly(100, 0, 0, 0, 0);
        assertThat(StochasticAllocation.allocate(new int[] {3, 4, 5}, 100,
                StochasticAllocation.monthRandom(1, 0))).containsExactly(3, 4, 5);
    }

    @Test
    void oracle10UniversalizationSentence() {
        List<ToIntFunction<HarvestRequest>> rules = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int me = i;
            rules.add(r -> {
                if (me == 0) {
                    hints.add(r.universalization().orElseThrow());
                }
                return 12;
            });
        }
        Games.play(GovSimConfig.defaults(Scenario.FISHERY, Experiment.parse("universalization"), 1).withHorizon(2),
                rules);
        assertThat(hints.get(0)).contains("more than 10 tons");
        assertThat(hints.get(1)).contains("more than 8 tons");
    }

    @ParameterizedTest
    @CsvSource({"100,10,100", "60,7,50", "30,6,0"})
    void oracle11SubSkillDynamics(int n, int m, int expected) {
        assertThat(Dynamics.regrow(Math.max(0, n - 5 * m), 100)).isEqualTo(expected);
    }
}

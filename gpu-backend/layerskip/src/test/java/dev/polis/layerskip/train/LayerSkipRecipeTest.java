package dev.polis.layerskip.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.core.config.JacksonSettings;
import dev.polis.runtime.train.RecipePlan;
import org.junit.jupiter.api.Test;

/** The LayerSkip recipe's numbers (spec §A.2, oracles 6 and 7 on the recipe side). */
class LayerSkipRecipeTest {

    private static final int LAYERS = 8;
    private static final long STEPS = 100;

    private static RecipePlan plan(Map<String, ?> values) {
        return new LayerSkipRecipe().plan(JacksonSettings.of(values, "layerskip"));
    }

    @Test
    void zeroDropoutAndZeroExitScaleIsPlainTraining() {
        RecipePlan plan = plan(Map.of("pMax", 0.0, "eScale", 0.0));
        for (long step = 0; step < STEPS; step += 7) {
            assertThat(plan.layerDropout(step, STEPS, LAYERS)).containsOnly(0.0);
            double[] w = plan.exitWeights(step, STEPS, LAYERS);
            assertThat(w[LAYERS - 1]).isEqualTo(1.0);
            assertThat(java.util.Arrays.copyOf(w, LAYERS - 1)).containsOnly(0.0);
        }
    }

    @Test
    void exitWeightsSumToOneForEveryScaleCurriculumAndStep() {
        for (ExitLossScale scale : ExitLossScale.values()) {
            for (Curriculum curriculum : Curriculum.values()) {
                RecipePlan plan = plan(Map.of("lossScale", scale.label(), "curriculum", curriculum.label(),
                        "eScale", 0.5));
                for (long step = 0; step < STEPS; step++) {
                    double[] w = plan.exitWeights(step, STEPS, LAYERS);
                    assertThat(java.util.Arrays.stream(w).sum()).as(scale + " " + curriculum + " step " + step)
                            .isCloseTo(1.0, within(1e-9));
                    assertThat(java.util.Arrays.stream(w).allMatch(x -> x >= 0)).isTrue();
                    assertThat(w[LAYERS - 1]).isPositive();
                }
            }
        }
    }

    @Test
    void dropoutRisesWithDepthFromZeroToPMax() {
        double[] p = plan(Map.of("pMax", 0.2)).layerDropout(10, STEPS, LAYERS);
        assertThat(p[0]).isZero();
        assertThat(p[LAYERS - 1]).isCloseTo(0.2, within(1e-12));
        for (int l = 1; l < LAYERS; l++) {
            assertThat(p[l]).isGreaterThan(p[l - 1]);
        }
        assertThat(p[3]).isCloseTo(0.2 * (Math.exp(3 * Math.log(2) / 7) - 1), within(1e-12));
    }

    @Test
    void fromScratchDropoutAlsoRisesOverTraining() {
        RecipePlan plan = plan(Map.of("pMax", 0.2, "fromScratch", true));
        assertThat(plan.layerDropout(0, STEPS, LAYERS)).containsOnly(0.0);
        assertThat(plan.layerDropout(STEPS - 1, STEPS, LAYERS)[LAYERS - 1]).isCloseTo(0.2, within(1e-12));
        assertThat(plan.layerDropout(STEPS / 2, STEPS, LAYERS)[LAYERS - 1]).isBetween(0.0, 0.2);
    }

    @Test
    void rotationalCurriculumEnablesOneEarlyExitPerStepPlusTheLast() {
        RecipePlan plan = plan(Map.of("curriculum", "rotational"));
        for (long step = 0; step < 2 * LAYERS; step++) {
            double[] w = plan.exitWeights(step, STEPS, LAYERS);
            long enabled = java.util.Arrays.stream(w, 0, LAYERS - 1).filter(x -> x > 0).count();
            assertThat(enabled).isEqualTo(1);
            assertThat(w[(int) (step % (LAYERS - 1))]).isPositive();
        }
    }

    @Test
    void gradualCurriculumStartsWithTheLastLayerAndEnablesAllByHalfway() {
        RecipePlan plan = plan(Map.of("curriculum", "gradual"));
        double[] start = plan.exitWeights(0, STEPS, LAYERS);
        assertThat(start[LAYERS - 1]).isEqualTo(1.0);
        assertThat(java.util.Arrays.stream(plan.exitWeights(STEPS / 2, STEPS, LAYERS)).allMatch(x -> x > 0)).isTrue();
        double[] quarter = plan.exitWeights(STEPS / 4, STEPS, LAYERS);
        assertThat(quarter[LAYERS - 2]).isPositive();
        assertThat(quarter[0]).isZero();
    }

    @Test
    void settingsRoundTripAndUnknownOnesAreRefused() {
        RecipePlan plan = plan(Map.of("pMax", 0.1, "curriculum", "rotational", "rotation", 3));
        RecipePlan again = new LayerSkipRecipe().plan(JacksonSettings.of(plan.settings(), "layerskip"));
        assertThat(again.settings()).isEqualTo(plan.settings());
        assertThat(again.exitWeights(5, STEPS, LAYERS)).containsExactly(plan.exitWeights(5, STEPS, LAYERS));
        assertThat(plan(Map.of("p_max", 0.1)).settings().get("pMax")).isEqualTo(0.1);
        assertThatThrownBy(() -> plan(Map.of("pmax2", 0.1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pmax2");
        assertThatThrownBy(() -> plan(Map.of("pMax", 1.0))).isInstanceOf(InvalidInputException.class);
    }
}

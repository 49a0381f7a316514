package dev.polis.lazyllm.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * Schedules: parsed into cumulative keep fractions and per-layer rates; the spec's default for an L-layer model;
 * every malformed schedule is a configuration error naming the setting and the offending entry.
 */
class ScheduleTest {

    @Test
    void aScheduleGivesEachPruningLayerItsShareOfTheTokensStillAlive() {
        Schedule schedule = Schedule.parse("4:0.25, 1:0.5", 8, "schedule");
        assertThat(schedule.layers()).containsExactly(1, 4);
        assertThat(schedule.keep()).containsExactly(0.5, 0.25);
        assertThat(schedule.rate(0)).isEqualTo(0.5);
        assertThat(schedule.rate(1)).isEqualTo(0.5);
        assertThat(schedule).hasToString("1:0.5,4:0.25");
    }

    @Test
    void theDefaultPrunesAtAQuarterHalfAndThreeQuartersOfTheDepth() {
        Schedule schedule = Schedule.defaultFor(8);
        assertThat(schedule.layers()).containsExactly(2, 4, 6);
        assertThat(schedule.keep()).containsExactly(0.7, 0.5, 0.35);
        assertThat(LazySettings.of(TestSettings.empty(), 8).schedule().layers()).containsExactly(2, 4, 6);
    }

    @Test
    void aKeepFractionOutsideZeroToOneNamesTheSettingAndTheEntry() {
        assertThatThrownBy(() -> Schedule.parse("1:1.5", 8, "schedule")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("schedule: '1:1.5' keeps 1.5").hasMessageContaining("in (0, 1]");
        assertThatThrownBy(() -> Schedule.parse("1:0", 8, "schedule")).hasMessageContaining("schedule: '1:0'");
        assertThatThrownBy(() -> Schedule.parse("1:half", 8, "schedule"))
                .hasMessageContaining("schedule: '1:half' is not layer:keep");
    }

    @Test
    void aLayerTheModelLacksOrItsLastLayerIsRefused() {
        assertThatThrownBy(() -> Schedule.parse("12:0.5", 8, "schedule")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("schedule: layer 12 is not a layer that can prune in this model of 8 layers "
                        + "(0 to 6");
        assertThatThrownBy(() -> Schedule.parse("7:0.5", 8, "schedule")).hasMessageContaining("layer 7");
    }

    @Test
    void keepFractionsThatGrowWithDepthOrARepeatedLayerAreRefused() {
        assertThatThrownBy(() -> Schedule.parse("1:0.3,3:0.6", 8, "schedule"))
                .hasMessageContaining("schedule: keeps 0.6 after layer 3, more than the 0.3");
        assertThatThrownBy(() -> Schedule.parse("1:0.3,1:0.2", 8, "schedule"))
                .hasMessageContaining("layer 1 appears twice");
    }

    @Test
    void theSettingsBlockIsReadAndMinPromptChecked() {
        LazySettings settings = LazySettings.of(TestSettings.of("schedule", "0:0.5", "minPrompt", 10), 4);
        assertThat(settings.schedule().layers()).containsExactly(0);
        assertThat(settings.minPrompt()).isEqualTo(10);
        assertThatThrownBy(() -> LazySettings.of(TestSettings.of("minPrompt", 1), 4))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minPrompt: must be at least 2");
    }
}

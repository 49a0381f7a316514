package dev.polis.lazyllm.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;

/** The settings block of {@code accelerator.lazyllm}: defaults, the selection key, and errors naming their key. */
class LazySettingsTest {

    @Test
    void anEmptyBlockSelectsByAttentionWithTheSpecsScheduleAndMinPrompt64() {
        LazySettings settings = LazySettings.of(TestSettings.empty(), 8);
        assertThat(settings.selection()).isEqualTo(Selection.ATTENTION);
        assertThat(settings.minPrompt()).isEqualTo(LazySettings.DEFAULT_MIN_PROMPT);
        assertThat(settings.schedule().layers()).containsExactly(2, 4, 6);
        assertThat(settings.pool()).isEqualTo(1);
        assertThat(settings.toString()).doesNotContain("selection").doesNotContain("pool");
    }

    @Test
    void poolSetsTheWidthOfTheScoresMaxPool() {
        LazySettings settings = LazySettings.of(TestSettings.of("schedule", "1:0.5", "pool", "3"), 4);
        assertThat(settings.pool()).isEqualTo(3);
        assertThat(settings.toString()).endsWith("pool 3");
    }

    @Test
    void anEvenOrTooWidePoolNamesTheKeyAndTheFix() {
        for (String width : new String[] {"0", "4", "17"}) {
            assertThatThrownBy(() -> LazySettings.of(TestSettings.of("pool", width), 4))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("pool: must be an odd width from 1 to 15 but was " + width)
                    .hasMessageContaining("1 scores each token on its own");
        }
    }

    @Test
    void theRandomDropBaselineIsChosenBySelectionRandomInAnyCase() {
        LazySettings settings = LazySettings.of(TestSettings.of("schedule", "1:0.5", "selection", "Random"), 4);
        assertThat(settings.selection()).isEqualTo(Selection.RANDOM);
        assertThat(settings.toString()).endsWith("selection random");
    }

    @Test
    void anUnknownSelectionNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> LazySettings.of(TestSettings.of("selection", "entropy"), 4))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("selection must be one of [attention, random] but was 'entropy'")
                .hasMessageContaining("attention, random");
    }
}

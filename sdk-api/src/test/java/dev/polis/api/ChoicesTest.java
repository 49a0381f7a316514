package dev.polis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A choice is read by its label, trimmed and in any case; a bad one names the setting, every label and the value. */
class ChoicesTest {

    enum Mode { FAST, NO_SEARCH }

    @Test
    void anEnumConstantIsReadByItsLowerCaseHyphenatedLabel() {
        assertThat(Choices.of("--mode", " No-Search ", Mode.class)).isEqualTo(Mode.NO_SEARCH);
        assertThat(Choices.of("--mode", "fast", Mode.class)).isEqualTo(Mode.FAST);
        assertThat(Choices.label(Mode.NO_SEARCH)).isEqualTo("no-search");
    }

    @Test
    void aValueOfAnyListIsReadByTheLabelGiven() {
        assertThat(Choices.of("unit", "KiB", List.of(1, 1024), n -> n == 1 ? "B" : "KiB")).isEqualTo(1024);
    }

    @Test
    void anUnknownLabelNamesTheSettingEveryLabelAndTheValue() {
        assertThatThrownBy(() -> Choices.of("--mode", "slow", Mode.class)).isInstanceOf(InvalidInputException.class)
                .hasMessage("--mode must be one of [fast, no-search] but was 'slow'");
        assertThatThrownBy(() -> Choices.of("mode", null, Mode.class)).isInstanceOf(InvalidInputException.class)
                .hasMessage("mode must be one of [fast, no-search] but was 'null'");
    }
}

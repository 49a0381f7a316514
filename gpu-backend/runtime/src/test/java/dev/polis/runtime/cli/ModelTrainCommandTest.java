package dev.polis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The last line of {@code polis model train}: a run stopped before any validation says so rather than printing NaN. */
class ModelTrainCommandTest {

    @Test
    void aRunStoppedBeforeAnyValidationSaysSoInsteadOfPrintingNaN() {
        assertThat(ModelTrainCommand.validation(Double.NaN)).startsWith("not validated").doesNotContain("NaN");
        assertThat(ModelTrainCommand.validation(1.23456)).isEqualTo("validation loss 1.2346");
    }
}

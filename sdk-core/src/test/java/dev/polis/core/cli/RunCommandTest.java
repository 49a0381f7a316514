package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks how {@code polis run} shows metric values. */
class RunCommandTest {

    @Test
    void metricsKeepSixSignificantDigitsWithoutTrailingZeros() {
        assertThat(RunCommand.format(0.123456789)).isEqualTo("0.123457");
        assertThat(RunCommand.format(3.0)).isEqualTo("3");
        assertThat(RunCommand.format(1234567.0)).isEqualTo("1234570");
    }

    @Test
    void anUndefinedMetricReadsNotApplicableRatherThanNaN() {
        assertThat(RunCommand.format(Double.NaN)).isEqualTo("n/a");
        assertThat(RunCommand.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }
}

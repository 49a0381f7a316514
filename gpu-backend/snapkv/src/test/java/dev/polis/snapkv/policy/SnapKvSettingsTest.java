package dev.polis.snapkv.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;

/** The settings block: defaults from the SnapKV repository's LongBench runs, and errors that name the setting. */
class SnapKvSettingsTest {

    @Test
    void anEmptyBlockGivesLongBenchsConfiguration() {
        assertThat(SnapKvSettings.of(TestSettings.empty()))
                .isEqualTo(new SnapKvSettings(2048, 32, 7, Pooling.MAX));
    }

    @Test
    void everyKeyIsRead() {
        assertThat(SnapKvSettings.of(TestSettings.of("capacity", 1024, "window", 16, "kernel", 5, "pooling", "avg")))
                .isEqualTo(new SnapKvSettings(1024, 16, 5, Pooling.AVG));
    }

    @Test
    void anEvenKernelIsRefusedNamingIt() {
        assertThatThrownBy(() -> SnapKvSettings.of(TestSettings.of("kernel", 4)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("kernel: must be an odd number")
                .hasMessageContaining("use 5");
    }

    @Test
    void aWindowLargerThanTheCapacityIsRefusedNamingBoth() {
        assertThatThrownBy(() -> SnapKvSettings.of(TestSettings.of("capacity", 16, "window", 32)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("capacity: 16 is below the window of 32")
                .hasMessageContaining("window: 32 is larger than the capacity");
    }

    @Test
    void aCapacityEqualToTheWindowIsAllowed() {
        assertThat(SnapKvSettings.of(TestSettings.of("capacity", 8, "window", 8)).capacity()).isEqualTo(8);
    }

    @Test
    void anUnknownPoolingOrAnEmptyWindowIsRefusedNamingIt() {
        assertThatThrownBy(() -> SnapKvSettings.of(TestSettings.of("pooling", "mean")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("pooling: expected max or avg");
        assertThatThrownBy(() -> SnapKvSettings.of(TestSettings.of("window", 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("window: must be at least 1");
    }
}

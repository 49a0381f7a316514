package dev.polis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The read-bandwidth measurement reads whole rows of the size asked for and reports finite rates. */
class ReadBandwidthTest {

    @Test
    void readsWholeRowsOfEightThousandFloatsAndReportsTheFasterKernelAsTheBest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ReadBandwidth reads = ReadBandwidth.measure(manager, 3L * 8192 * 4 + 100, 2);

            assertThat(reads.bytes()).isEqualTo(3L * 8192 * 4);
            assertThat(reads.matVecBytesPerSecond()).isPositive().isFinite();
            assertThat(reads.sumBytesPerSecond()).isPositive().isFinite();
            assertThat(reads.best()).isEqualTo(Math.max(reads.matVecBytesPerSecond(), reads.sumBytesPerSecond()));
        }
    }
}

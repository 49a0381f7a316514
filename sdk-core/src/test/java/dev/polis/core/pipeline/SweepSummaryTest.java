package dev.polis.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.run.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's summary leaves undefined values and failed runs out of the statistics and says how many count. */
class SweepSummaryTest {

    @TempDir
    Path dir;

    private static SeedSweep.SeedRun finished(long seed, Map<String, Double> metrics) {
        return new SeedSweep.SeedRun(seed, "p-seed" + seed,
                new RunResult("p-seed" + seed, Path.of("p-seed" + seed), RunStatus.FINISHED, metrics, false), null);
    }

    private final List<SeedSweep.SeedRun> runs = List.of(
            finished(1, Map.of("gain", 10.0, "equality", 0.5)),
            finished(2, Map.of("gain", 20.0, "equality", Double.NaN)),
            new SeedSweep.SeedRun(3, "p-seed3", null, "IllegalStateException: boom, twice"));

    @Test
    void anUndefinedValueIsLeftOutOfTheMeanAndCountedAsMissing() {
        Map<String, SweepSummary.Stat> stats = SweepSummary.of(runs);
        assertThat(stats.get("gain")).isEqualTo(new SweepSummary.Stat(15.0, 10.0, 20.0, 2, 2));
        assertThat(stats.get("equality")).isEqualTo(new SweepSummary.Stat(0.5, 0.5, 0.5, 1, 2));
    }

    @Test
    void theCsvHasARowPerSeedWithEmptyCellsForUndefinedValuesAndTheFailure() throws IOException {
        Path csv = dir.resolve("p-sweep.csv");
        SweepSummary.writeCsv(csv, runs);
        assertThat(Files.readAllLines(csv)).containsExactly("run_id,seed,status,equality,gain",
                "p-seed1,1,finished,0.5,10.0", "p-seed2,2,finished,,20.0",
                "p-seed3,3,\"failed: IllegalStateException: boom, twice\",,");
    }

    @Test
    void seedListsReadRangesAndSingleSeeds() {
        assertThat(SeedSweep.parseSeeds("--seeds", "1-3,7, 9")).containsExactly(1L, 2L, 3L, 7L, 9L);
    }
}

package dev.polis.core.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.polis.core.records.RunFolderLockedException;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.run.RunStatus;
import dev.polis.core.config.AppliedOverride;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:30:12Z"));
    private final RecordingOptions options = new RecordingOptions(clock, ProgressDisplay.silent());

    @Test
    void recordsStartAndFinish(@TempDir Path output) throws Exception {
        RunFolder folder = RunFolder.of(output, "r1");
        List<AppliedOverride> overrides = List.of(new AppliedOverride("runtime.device", "cpu", "POLIS_DEVICE", null));
        try (RunRecorder recorder = RunRecorder.start(folder, 7, "run: {}\n", overrides, options)) {
            assertThat(recorder.runId()).isEqualTo("r1");
            assertThat(recorder.seed()).isEqualTo(7);
            assertThat(recorder.directory()).contains(output.resolve("r1"));
            assertThat(Files.readString(folder.file(RunFolder.CONFIG))).isEqualTo("run: {}\n");
            assertThat(folder.readInfo()).get().extracting(RunInfo::status).isEqualTo(RunStatus.STARTED);
            assertThat(Files.readString(folder.file(RunFolder.INFO))).contains("\"status\" : \"started\"");

            recorder.events().emit("hello", Map.of());
            clock.advance(Duration.ofSeconds(3));
            recorder.finish(Map.of("gain", 1.5));
        }
        RunInfo info = folder.readInfo().orElseThrow();
        assertThat(info.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(info.startedAt()).isEqualTo("2025-03-14T09:30:12Z");
        assertThat(info.endedAt()).isEqualTo("2025-03-14T09:30:15Z");
        assertThat(info.error()).isNull();
        assertThat(info.overrides()).isEqualTo(overrides);
        assertThat(folder.readMetrics()).containsExactly(Map.entry("gain", 1.5));
        assertThat(Files.readAllLines(folder.file(RunFolder.EVENTS))).hasSize(1);
    }

    @Test
    void recordsFailureWithMessage(@TempDir Path output) {
        RunFolder folder = RunFolder.of(output, "r2");
        try (RunRecorder recorder = RunRecorder.start(folder, 0, "", List.of(), options)) {
            recorder.fail(new IllegalStateException("the commons collapsed"));
        }
        RunInfo info = folder.readInfo().orElseThrow();
        assertThat(info.status()).isEqualTo(RunStatus.FAILED);
        assertThat(info.error()).isEqualTo("the commons collapsed");
        assertThat(info.endedAt()).isNotNull();
        assertThat(Files.exists(folder.file(RunFolder.METRICS))).isFalse();
    }

    @Test
    void aSecondRecorderOfTheSameRunIsRefusedUntilTheFirstCloses(@TempDir Path output) {
        RunFolder folder = RunFolder.of(output, "r3");
        try (RunRecorder first = RunRecorder.start(folder, 0, "", List.of(), options)) {
            assertThatThrownBy(() -> RunRecorder.start(folder, 0, "", List.of(), options))
                    .isInstanceOf(RunFolderLockedException.class)
                    .hasMessageContaining("is locked by process " + ProcessHandle.current().pid());
            assertThat(folder.readInfo()).get().extracting(RunInfo::status).isEqualTo(RunStatus.STARTED);
        }
        try (RunRecorder second = RunRecorder.start(folder, 0, "", List.of(), options)) {
            second.fail(new IllegalStateException("played again"));
        }
        assertThat(folder.readInfo()).get().extracting(RunInfo::error).isEqualTo("played again");
    }

    @Test
    void freshIdsSortByTime() {
        String id = RunIds.fresh(clock, RandomGenerator.of("L64X128MixRandom"));
        assertThat(id).matches("20250314-093012-[0-9a-f]{4}");
    }
}

package dev.polis.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader maps data in bounded splits, never the whole file at once, and reads every dtype back. */
class SafetensorsFileTest {

    @Test
    void aFileLargerThanTheSplitIsReadThroughSeveralBoundedMaps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.safetensors");
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            float base = i * 1000;
            entries.add(new SafetensorsWriter.Entry("t" + i, TensorDType.F32, new long[] {64, 16},
                    (chunk, first) -> {
                        for (int j = 0; j < chunk.length; j++) {
                            chunk[j] = base + first + j;
                        }
                    }));
        }
        SafetensorsWriter.write(file, entries, Map.of());
        long split = 16 * 1024;
        try (SafetensorsFile st = SafetensorsFile.open(file, split)) {
            assertThat(Files.size(file)).isGreaterThan(4 * split);
            assertThat(st.splitCount()).isGreaterThanOrEqualTo(4);
            assertThat(st.largestSplitBytes()).isLessThanOrEqualTo(split);
            for (int i = 0; i < 16; i++) {
                float[] values = st.readFloats("t" + i);
                assertThat(values).hasSize(1024);
                assertThat(values[0]).isEqualTo(i * 1000f);
                assertThat(values[1023]).isEqualTo(i * 1000f + 1023);
                assertThat(st.bytes("t" + i).isDirect()).isTrue();
            }
        }
    }

    @Test
    void halfAndBrainFloatValuesRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("x.safetensors");
        float[] values = {0f, 1f, -2.5f, 3.140625f, 65504f, 1e-3f};
        SafetensorsWriter.write(file, List.of(
                new SafetensorsWriter.Entry("h", TensorDType.F16, new long[] {6}, TensorContent.of(values)),
                new SafetensorsWriter.Entry("b", TensorDType.BF16, new long[] {2, 3}, TensorContent.of(values))),
                Map.of("format", "pt"));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.metadata()).containsEntry("format", "pt");
            assertThat(st.find("b").orElseThrow().shape()).containsExactly(2, 3);
            float[] h = st.readFloats("h");
            float[] b = st.readFloats("b");
            for (int i = 0; i < values.length; i++) {
                assertThat(h[i]).isEqualTo(TensorDType.F16.round(values[i]));
                assertThat(b[i]).isEqualTo(TensorDType.BF16.round(values[i]));
            }
            assertThat(b[2]).isEqualTo(-2.5f);
            assertThat(h[3]).isEqualTo(3.140625f);
        }
    }
}

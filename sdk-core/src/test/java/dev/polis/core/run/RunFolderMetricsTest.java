package dev.polis.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks how {@code metrics.json} holds a metric that is undefined for a run. */
class RunFolderMetricsTest {

    @Test
    void anUndefinedMetricIsWrittenAsJsonNullAndReadBackAsNaN(@TempDir Path output) throws Exception {
        RunFolder folder = RunFolder.of(output, "r1").create();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("gain", 0.0);
        metrics.put("equality", Double.NaN);
        metrics.put("ratio", Double.POSITIVE_INFINITY);
        metrics.put("missing", null);
        folder.writeMetrics(metrics);

        JsonNode json = new ObjectMapper().readTree(folder.file(RunFolder.METRICS).toFile());
        assertThat(json.get("gain").isNumber()).isTrue();
        assertThat(json.get("equality").isNull()).as("equality is JSON null, not the string \"NaN\"").isTrue();
        assertThat(json.get("ratio").isNull()).isTrue();
        assertThat(json.get("missing").isNull()).isTrue();

        Map<String, Double> read = folder.readMetrics();
        assertThat(read).containsKeys("gain", "equality", "ratio", "missing");
        assertThat(read.get("gain")).isEqualTo(0.0);
        assertThat(read.get("equality")).isNaN();
        assertThat(read.get("missing")).isNaN();
    }
}

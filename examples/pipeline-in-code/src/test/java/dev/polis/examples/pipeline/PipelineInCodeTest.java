package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.polis.core.pipeline.RunResult;
import dev.polis.api.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineInCodeTest {

    @Test
    void runsTwelveSustainableMonthsAndRecordsThem(@TempDir Path temp) {
        RunResult result = PipelineInCode.run(temp.resolve("no-plugins-folder"), temp.resolve("runs"));

        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(result.metrics()).containsEntry("survivalMonths", 12.0);
        assertThat(result.directory()).isDirectory().isDirectoryContaining(p -> p.getFileName().toString().equals("metrics.json"));
    }
}

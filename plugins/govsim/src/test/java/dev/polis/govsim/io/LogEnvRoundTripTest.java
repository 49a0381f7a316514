package dev.polis.govsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.Games;
import dev.polis.govsim.metrics.MetricsCalculator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting to log_env.json and importing it back gives the same metrics. */
class LogEnvRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsMetrics() {
        for (int x : new int[] {9, 11, 13, 25}) {
            GameState state = Games.constant(x, x);
            Path file = dir.resolve("log_env_" + x + ".json");
            Json.write(file, LogEnvExport.rows(state.months()), false);
            var imported = LogEnvImport.read(file, 5);
            assertThat(MetricsCalculator.paper().compute(imported))
                    .isEqualTo(MetricsCalculator.paper().compute(state.months()));
        }
    }

    @Test
    void importWithoutOurThresholdRebuildsIt() throws Exception {
        String original = "[{\"agent_id\":\"persona_0\",\"round\":0,\"action\":\"harvesting\","
                + "\"resource_in_pool_before_harvesting\":100.0,\"resource_in_pool_after_harvesting\":40.0,"
                + "\"resource_collected\":60,\"wanted_resource\":60},"
                + "{\"agent_id\":\"persona_1\",\"round\":0,\"action\":\"harvesting\","
                + "\"resource_in_pool_before_harvesting\":100.0,\"resource_in_pool_after_harvesting\":40.0,"
                + "\"resource_collected\":0,\"wanted_resource\":0},"
                + "{\"agent_id\":\"framework\",\"agent_name\":\"Mayor\",\"round\":0,\"action\":\"utterance\","
                + "\"utterance\":\"report\",\"resource_limit\":null}]";
        Files.writeString(dir.resolve("log_env.json"), original);
        var months = LogEnvImport.read(dir, 5);
        assertThat(months.get(0).perAgentThreshold()).isEqualTo(10);
        assertThat(months.get(0).conversation()).hasSize(1);
        assertThat(MetricsCalculator.paper().compute(months).overUsage()).isEqualTo(50.0);
    }

    @Test
    void missingFileIsAUserError() {
        assertThatThrownBy(() -> LogEnvImport.read(dir.resolve("nope"), 5)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("log_env.json");
    }
}

package dev.polis.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSettingsFactoryTest {

    record Sweep(String model, Integer months, List<Long> seeds) {
    }

    @TempDir
    Path dir;

    private final HostSettingsFactory factory = new HostSettingsFactory(Map.of("MODEL", "test.echo:3"));

    @Test
    void readsAYamlFileWithVariablesAndBindsItToARecord() throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.yaml"), """
                model: "${MODEL}"
                months: ${MONTHS:-12}
                seeds: [1, 2, 3]
                """);

        Settings settings = factory.read(file);

        assertThat(settings.bind(Sweep.class)).isEqualTo(new Sweep("test.echo:3", 12, List.of(1L, 2L, 3L)));
        assertThat(settings.string("model", "")).isEqualTo("test.echo:3");
    }

    @Test
    void readsAJsonFile() throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.json"), """
                {"model": "m", "months": 2, "seeds": [5]}
                """);

        assertThat(factory.read(file).bind(Sweep.class)).isEqualTo(new Sweep("m", 2, List.of(5L)));
    }

    @Test
    void anUnknownFieldIsReportedWithFileLineAndTheClosestName() throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.yaml"), """
                model: m
                monhts: 12
                """);

        Settings settings = factory.read(file);

        assertThatThrownBy(() -> settings.bind(Sweep.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("sweep.yaml:2:1: unknown field 'monhts' (did you mean 'months'? known: model, months, seeds)");
    }

    @Test
    void aMissingFileIsAnInputErrorNamingIt() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> factory.read(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void valuesBuiltInCodeReportTheirPath() {
        Settings settings = factory.of(Map.of("monhts", 3), "runtime.settings.decoder.x");

        assertThatThrownBy(() -> settings.bind(Sweep.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("runtime.settings.decoder.x: unknown field 'monhts' (did you mean 'months'? "
                        + "known: model, months, seeds)");
        assertThat(factory.of(null, "x").asMap()).isEmpty();
    }
}

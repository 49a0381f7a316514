package dev.polis.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    record Agent(String id, String provider, String model, Map<String, Object> settings) {
    }

    record Team(String name, Integer size, List<Agent> agents) {
    }

    @Test
    void unknownFieldNamesFileLineColumnPathAndSuggestion() {
        String yaml = """
                name: blue
                size: 3
                agents:
                  - id: a1
                    provider: p
                  - id: a2
                    provider: p
                  - id: a3
                    provider: p
                    modle: x
                """;
        assertThatThrownBy(() -> bind(yaml))
                .isInstanceOf(ConfigException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("team.yaml:10:5: agents[2]: unknown field 'modle' (did you mean 'model'? "
                        + "known: id, provider, model, settings)");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndFound() {
        String yaml = """
                name: blue
                size: abc
                """;
        assertThatThrownBy(() -> bind(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage("team.yaml:2:1: size: expected a number but found 'abc'")
                .satisfies(e -> {
                    ConfigException ce = (ConfigException) e;
                    assertThat(ce.path()).isEqualTo("size");
                    assertThat(ce.position()).contains(new SourcePosition(2, 1));
                });
    }

    @Test
    void listWhereTextWasExpectedIsDescribed() {
        String yaml = """
                name: [a, b]
                """;
        assertThatThrownBy(() -> bind(yaml)).hasMessage("team.yaml:1:1: name: expected text but found a list");
    }

    @Test
    void syntaxErrorNamesTheLine() {
        String yaml = """
                name: blue
                agents: [a
                size: 3
                """;
        assertThatThrownBy(() -> bind(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("team.yaml:")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void readsJsonFilesByExtensionWithLineNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team.json");
        Files.writeString(file, """
                {
                  "name": "blue",
                  "size": 3,
                  "agents": [ { "id": "a1", "provider": "p", "colour": "red" } ]
                }
                """);
        assertThatThrownBy(() -> loader.load(file, Team.class))
                .hasMessageStartingWith("team.json:4:46: agents[0]: unknown field 'colour'");
        Files.writeString(file, "{\"name\": \"blue\", \"size\": 3}");
        assertThat(loader.load(file, Team.class)).isEqualTo(new Team("blue", 3, null));
    }

    @Test
    void readsYamlFilesAndRejectsUnknownExtensions(@TempDir Path dir) throws Exception {
        Path yml = Files.writeString(dir.resolve("team.yml"), "name: blue\n");
        assertThat(loader.load(yml, Team.class).name()).isEqualTo("blue");
        Path txt = Files.writeString(dir.resolve("team.txt"), "name: blue\n");
        assertThatThrownBy(() -> loader.load(txt, Team.class)).hasMessageContaining("use a .yaml, .yml or .json file");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"), Team.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no such file");
    }

    @Test
    void substitutesEnvironmentBeforeParsing() {
        ConfigLoader withEnv = new ConfigLoader(Map.of("TEAM", "red", "SIZE", "7"));
        Team team = withEnv.bind(withEnv.read("name: ${TEAM}\nsize: ${SIZE}\n", "team.yaml", ConfigFormat.YAML),
                Team.class);
        assertThat(team.name()).isEqualTo("red");
        assertThat(team.size()).isEqualTo(7);
    }

    private Team bind(String yaml) {
        return loader.bind(loader.read(yaml, "team.yaml", ConfigFormat.YAML), Team.class);
    }
}

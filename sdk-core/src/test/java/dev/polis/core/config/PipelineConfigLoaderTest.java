package dev.polis.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ModelSpec;
import org.junit.jupiter.api.Test;

class PipelineConfigLoaderTest {

    private static final String MINIMAL = """
            environment:
              id: test.commons
            agents:
              - id: a1
                provider: test.fixed
            """;

    private static PipelineConfigLoader loader(Map<String, String> env, Map<String, String> properties) {
        return new PipelineConfigLoader(new OperatorOverrides(env, properties));
    }

    private static ResolvedPipeline load(String yaml) {
        return loader(Map.of(), Map.of()).load(yaml, "pipeline.yaml", ConfigFormat.YAML);
    }

    @Test
    void fillsDefaults() {
        PipelineConfig config = load(MINIMAL).config();
        assertThat(config.run()).isEqualTo(new RunConfig(null, 0L, 100, "runs"));
        assertThat(config.environment().settings()).isEmpty();
        assertThat(config.agents()).singleElement().satisfies(agent -> {
            assertThat(agent.model()).isNull();
            assertThat(agent.settings()).isEmpty();
        });
        assertThat(config.runtime()).isEqualTo(RuntimeConfig.unset());
    }

    @Test
    void readsModelAsStringOrBlock() {
        PipelineConfig config = load(MINIMAL + """
                  - id: a2
                    provider: test.llm
                    model: "openai:http://127.0.0.1:11434/v1#qwen2.5:7b"
                  - id: a3
                    provider: test.llm
                    model:
                      spec: local:models/tiny
                      options: {device: cpu}
                """).config();
        assertThat(config.agents().get(1).model().toModelSpec())
                .isEqualTo(new ModelSpec("openai", "http://127.0.0.1:11434/v1", "qwen2.5:7b", Map.of()));
        assertThat(config.agents().get(2).model().toModelSpec())
                .isEqualTo(new ModelSpec("local", "models/tiny", "", Map.of("device", "cpu")));
    }

    @Test
    void unknownAgentFieldIsLocated() {
        assertThatThrownBy(() -> load(MINIMAL + """
                  - id: a2
                    provider: test.fixed
                    modle: local:x
                """)).hasMessage("pipeline.yaml:8:5: agents[1]: unknown field 'modle' (did you mean 'model'? "
                + "known: id, provider, model, settings)");
    }

    @Test
    void wrongStepsTypeIsLocated() {
        assertThatThrownBy(() -> load("run:\n  steps: many\n" + MINIMAL))
                .hasMessage("pipeline.yaml:2:3: run.steps: expected a number but found 'many'");
    }

    @Test
    void stepsMustBePositive() {
        assertThatThrownBy(() -> load("run:\n  steps: 0\n" + MINIMAL))
                .isInstanceOf(ConfigException.class)
                .hasMessage("pipeline.yaml:2:3: run.steps: must be at least 1 but is 0");
    }

    @Test
    void needsAnAgent() {
        assertThatThrownBy(() -> load("environment: {id: e}\nagents: []\n"))
                .hasMessageStartingWith("pipeline.yaml:2:1: agents: no agents configured; add at least one");
        assertThatThrownBy(() -> load("environment: {id: e}\n"))
                .hasMessageStartingWith("pipeline.yaml: agents: no agents configured");
    }

    @Test
    void agentIdsMustBeUnique() {
        assertThatThrownBy(() -> load(MINIMAL + "  - id: a1\n    provider: test.fixed\n"))
                .hasMessage("pipeline.yaml:6:5: agents[1].id: duplicate agent id 'a1' (also agents[0]); "
                        + "agent ids must be unique");
    }

    @Test
    void environmentIsRequired() {
        assertThatThrownBy(() -> load("agents: [{id: a, provider: p}]\n"))
                .hasMessageContaining("environment: missing; name the environment");
    }

    @Test
    void malformedModelSpecIsLocated() {
        assertThatThrownBy(() -> load(MINIMAL + "    model: ':nothing'\n"))
                .hasMessageStartingWith("pipeline.yaml:6:5: agents[0].model: model spec ':nothing' has no provider");
    }

    @Test
    void environmentVariablesOverrideRuntime() {
        ResolvedPipeline pipeline = loader(Map.of("POLIS_DEVICE", "cuda:0", "POLIS_ACCELERATORS", "lazyllm, snapkv"),
                Map.of()).load(MINIMAL + "runtime: {device: cpu, decoder: decoder.greedy}\n", "p.yaml",
                ConfigFormat.YAML);
        assertThat(pipeline.config().runtime())
                .isEqualTo(new RuntimeConfig("cuda:0", "decoder.greedy", List.of("lazyllm", "snapkv")));
        assertThat(pipeline.overrides()).containsExactly(
                new AppliedOverride("runtime.device", "cuda:0", "POLIS_DEVICE", "cpu"),
                new AppliedOverride("runtime.accelerators", "lazyllm, snapkv", "POLIS_ACCELERATORS", null));
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        ResolvedPipeline pipeline = loader(Map.of("POLIS_DEVICE", "cuda:0", "POLIS_DECODER", "decoder.sampling"),
                Map.of("polis.device", "cpu")).load(MINIMAL, "p.yaml", ConfigFormat.YAML);
        assertThat(pipeline.config().runtime().device()).isEqualTo("cpu");
        assertThat(pipeline.config().runtime().decoder()).isEqualTo("decoder.sampling");
        assertThat(pipeline.overrides()).extracting(AppliedOverride::origin)
                .containsExactly("-Dpolis.device", "POLIS_DECODER");
    }

    @Test
    void blankAcceleratorsOverrideMeansNone() {
        ResolvedPipeline pipeline = loader(Map.of("POLIS_ACCELERATORS", "", "POLIS_DEVICE", " "), Map.of())
                .load(MINIMAL + "runtime: {device: cpu, accelerators: [snapkv]}\n", "p.yaml", ConfigFormat.YAML);
        assertThat(pipeline.config().runtime()).isEqualTo(new RuntimeConfig("cpu", null, List.of()));
    }

    @Test
    void codeBuiltConfigurationsAreValidatedWithoutLocation() {
        PipelineConfig config = new PipelineConfig(null, new EnvironmentConfig("e", null), List.of(), null);
        assertThatThrownBy(() -> loader(Map.of(), Map.of()).resolve(config))
                .hasMessageStartingWith("agents: no agents configured");
    }

    @Test
    void embeddedDefaultPipelineUsesTheSamplePlugin() {
        PipelineConfig config = loader(Map.of(), Map.of()).loadDefault().config();
        assertThat(config.run()).isEqualTo(new RunConfig(null, 42L, 12, "runs"));
        assertThat(config.environment().id()).isEqualTo("example.commons");
        assertThat(config.environment().settings()).containsOnlyKeys("capacity", "regrowth", "months");
        assertThat(config.agents()).hasSize(4).extracting(AgentConfig::provider)
                .containsOnly("example.fixed", "example.fair-share");
    }
}

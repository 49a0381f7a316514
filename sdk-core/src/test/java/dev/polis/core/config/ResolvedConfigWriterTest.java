package dev.polis.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolvedConfigWriterTest {

    private static final String YAML = """
            environment:
              id: test.commons
              settings:
                url: https://user:${SERVICE_PASSWORD}@example.org
                host: ${HOST}
            agents:
              - id: a1
                provider: test.llm
                model:
                  spec: "openai:http://${HOST}/v1#m"
                  options: {apiKey: "${OPENAI_API_KEY}"}
            """;

    @Test
    void masksSecretsNotesOverridesAndReadsBack() {
        Map<String, String> env = Map.of("SERVICE_PASSWORD", "hunter2", "OPENAI_API_KEY", "sk-abc",
                "HOST", "10.0.0.1", "POLIS_DEVICE", "cuda:0");
        PipelineConfigLoader loader = new PipelineConfigLoader(new OperatorOverrides(env, Map.of()));
        ResolvedPipeline pipeline = loader.load(YAML, "pipeline.yaml", ConfigFormat.YAML);

        String written = ResolvedConfigWriter.toYaml(pipeline);

        assertThat(written).doesNotContain("hunter2").doesNotContain("sk-abc")
                .contains("${SERVICE_PASSWORD}").contains("${OPENAI_API_KEY}")
                .contains("10.0.0.1")
                .contains("# override: runtime.device = cuda:0 from POLIS_DEVICE (not configured)")
                .contains("steps: 100");
        Map<String, String> secretsOnly = Map.of("SERVICE_PASSWORD", "hunter2", "OPENAI_API_KEY", "sk-abc");
        ResolvedPipeline reread = new PipelineConfigLoader(new OperatorOverrides(secretsOnly, Map.of()))
                .load(written, "config.resolved.yaml", ConfigFormat.YAML);
        assertThat(reread.config().runtime().device()).isEqualTo("cuda:0");
        assertThat(reread.config()).isEqualTo(pipeline.config());
    }
}

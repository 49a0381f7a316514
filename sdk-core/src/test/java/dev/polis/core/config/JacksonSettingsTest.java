package dev.polis.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonSettingsTest {

    record Harvest(Integer amount, Boolean greedy) {
    }

    private static ResolvedPipeline pipeline() {
        String yaml = """
                environment: {id: e}
                agents:
                  - id: a1
                    provider: p
                  - id: a2
                    provider: p
                    settings:
                      amount: lots
                      greedy: true
                """;
        return new PipelineConfigLoader(new OperatorOverrides(Map.of(), Map.of()))
                .load(yaml, "pipeline.yaml", ConfigFormat.YAML);
    }

    @Test
    void bindReportsFullPathAndLine() {
        ResolvedPipeline pipeline = pipeline();
        JacksonSettings settings = pipeline.settings(pipeline.config().agents().get(1).settings(), "agents[1].settings");
        assertThatThrownBy(() -> settings.bind(Harvest.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage("pipeline.yaml:8:7: agents[1].settings.amount: expected a number but found 'lots'");
    }

    @Test
    void unknownSettingIsNamed() {
        JacksonSettings settings = JacksonSettings.of(Map.of("amout", 3), "agents[0].settings");
        assertThatThrownBy(() -> settings.bind(Harvest.class))
                .hasMessage("agents[0].settings: unknown field 'amout' (did you mean 'amount'? known: amount, greedy)");
    }

    @Test
    void typedGettersReportFullPath() {
        ResolvedPipeline pipeline = pipeline();
        JacksonSettings settings = pipeline.settings(pipeline.config().agents().get(1).settings(), "agents[1].settings");
        assertThat(settings.booleanValue("greedy", false)).isTrue();
        assertThat(settings.intValue("missing", 4)).isEqualTo(4);
        assertThatThrownBy(() -> settings.intValue("amount", 0))
                .hasMessage("pipeline.yaml:8:7: agents[1].settings.amount: expected a number but found 'lots'");
    }

    @Test
    void bindsAndExposesPlainValues() {
        JacksonSettings settings = JacksonSettings.of(Map.of("amount", 3, "greedy", false), "x");
        assertThat(settings.bind(Harvest.class)).isEqualTo(new Harvest(3, false));
        assertThat(settings.asMap()).containsEntry("amount", 3);
        assertThat(JacksonSettings.empty().asMap()).isEmpty();
    }
}

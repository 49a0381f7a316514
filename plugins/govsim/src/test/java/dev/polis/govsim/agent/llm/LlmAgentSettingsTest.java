package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.agent.llm.prompt.PrefillMode;
import dev.polis.govsim.agent.llm.prompt.PromptLayout;
import dev.polis.govsim.agent.llm.prompt.RulesRole;
import dev.polis.govsim.agent.llm.retrieval.RecencyOrder;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;

class LlmAgentSettingsTest {

    @Test
    void anEmptyBlockGivesTheOriginalsBehaviourWithRulesAsSystem() {
        LlmAgentSettings settings = LlmAgentSettings.from(TestSettings.empty());

        assertThat(settings).isEqualTo(LlmAgentSettings.DEFAULTS);
        assertThat(settings.lexical()).isTrue();
        assertThat(settings.rulesRole()).isEqualTo(RulesRole.SYSTEM);
        assertThat(settings.recency()).isEqualTo(RecencyOrder.OLDEST_FIRST);
        assertThat(settings.harvestMemoriesFor(Scenario.FISHERY)).isEqualTo(10);
        assertThat(settings.harvestMemoriesFor(Scenario.POLLUTION)).isEqualTo(14);
    }

    @Test
    void everyKeyIsRead() {
        LlmAgentSettings settings = LlmAgentSettings.from(TestSettings.of("prompts", "my-prompts",
                "frameworkModel", "openai:http://x/v1#big", "embedder", "openai:http://x/v1#mxbai", "rulesRole", "user",
                "rateImportance", "false", "recency", "newest-first", "harvestMemories", 7, "turnMemories", 3,
                "reflectionMemories", 4, "concludeWhenUnclear", false, "chainOfThought", false, "temperature", 0.7,
                "maxTokens", 300, "thoughtDays", 30, "structuredHarvest", true, "layout", "original", "prefill", "inline",
                "shortMaxTokens", 100, "stops", "original", "parseFallback", "reask", "choices", "constrained",
                "thoughtClock", "original"));

        assertThat(settings).isEqualTo(new LlmAgentSettings(java.util.Optional.of(Path.of("my-prompts")),
                java.util.Optional.of("openai:http://x/v1#big"), "openai:http://x/v1#mxbai", RulesRole.USER, false,
                RecencyOrder.NEWEST_FIRST, java.util.OptionalInt.of(7), 3, 4, false, false, 0.7, 300, 30, true,
                PromptLayout.ORIGINAL, PrefillMode.INLINE, java.util.OptionalInt.of(100), true, true, true, true));
        assertThat(settings.limits()).isEqualTo(new CallLimits(300, 100, true));
        assertThat(settings.lexical()).isFalse();
        assertThat(settings.harvestMemoriesFor(Scenario.POLLUTION)).isEqualTo(7);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> LlmAgentSettings.from(TestSettings.of("rulesRole", "developer")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("rulesRole");
        assertThatThrownBy(() -> LlmAgentSettings.from(TestSettings.of("recency", "sideways")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("recency");
        assertThatThrownBy(() -> LlmAgentSettings.from(TestSettings.of("turnMemories", 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("turnMemories");
        assertThatThrownBy(() -> LlmAgentSettings.from(TestSettings.of("layout", "paperish")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("layout");
        assertThatThrownBy(() -> LlmAgentSettings.from(TestSettings.of("prefill", "maybe")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("prefill");
        assertThatThrownBy(() -> LlmAgentSettings.from(TestSettings.of("parseFallback", "guess")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("parseFallback");
        assertThatThrownBy(() -> LlmAgentSettings.from(TestSettings.of("embeder", "lexical")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("embeder").hasMessageContaining("embedder");
    }
}

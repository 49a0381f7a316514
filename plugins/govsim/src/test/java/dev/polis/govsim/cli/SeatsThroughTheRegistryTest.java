package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisExtension;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.host.ExtensionChoice;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.LoadedExtension;
import dev.polis.api.host.Models;
import dev.polis.core.host.HostSettingsFactory;
import dev.polis.govsim.agent.llm.LlmAgentProvider;
import dev.polis.govsim.agent.llm.LlmGovSimAgent;
import dev.polis.govsim.agent.llm.ModelResolver;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.policy.FixedPolicy;
import dev.polis.govsim.policy.FixedPolicyProvider;
import dev.polis.govsim.policy.GreedyPolicyProvider;
import dev.polis.govsim.policy.RandomPolicyProvider;
import dev.polis.govsim.policy.SustainableSharePolicyProvider;
import dev.polis.govsim.policy.UniversalizationPolicyProvider;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.sweep.RunScope;
import dev.polis.govsim.sweep.RunSpec;
import dev.polis.govsim.sweep.SeatSpec;
import dev.polis.govsim.sweep.SocietySpec;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every society member, policy and LLM agent alike, is made by the registry's agent provider with its settings. */
class SeatsThroughTheRegistryTest {

    @TempDir
    Path dir;

    /** The settings blocks the providers were handed, by provider id, in the order asked. */
    private final List<String> asked = new ArrayList<>();
    private final List<Map<String, Object>> blocks = new ArrayList<>();

    private AgentProvider recording(AgentProvider real) {
        return new AgentProvider() {
            @Override
            public String id() {
                return real.id();
            }

            @Override
            public String description() {
                return real.description();
            }

            @Override
            public Agent create(AgentContext context) {
                asked.add(real.id());
                blocks.add(Map.of("model", context.model().isPresent(),
                        "amount", context.settings().string("amount", ""),
                        "fraction", context.settings().string("fraction", "")));
                return real.create(context);
            }
        };
    }

    private Extensions registry() {
        List<AgentProvider> providers = List.of(new FixedPolicyProvider(), new GreedyPolicyProvider(),
                new RandomPolicyProvider(), new SustainableSharePolicyProvider(), new UniversalizationPolicyProvider(),
                new LlmAgentProvider(ModelResolver.using(models())));
        return new Extensions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends PolisExtension> List<LoadedExtension<T>> all(Class<T> type) {
                return providers.stream().map(p -> new LoadedExtension<>(type, p.id(), LoadedExtension.CLASSPATH, 0,
                        (T) recording(p))).toList();
            }

            @Override
            public <T extends PolisExtension> ExtensionChoice<T> choose(Class<T> type, String id) {
                LoadedExtension<T> found = all(type).stream().filter(e -> e.id().equals(id)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("no agent provider '" + id + "'"));
                return new ExtensionChoice<>(found, List.of(found), "the only one");
            }
        };
    }

    private static Models models() {
        return new Models() {
            @Override
            public ChatModel chat(ModelRequest request) {
                return ScriptedChatModel.always("I will catch 10 tons.");
            }

            @Override
            public EmbeddingModel embedding(ModelRequest request) {
                throw new UnsupportedOperationException("no embedder here");
            }

            @Override
            public InferenceOptions operatorChoices() {
                return InferenceOptions.DEFAULTS;
            }
        };
    }

    @Test
    void policiesAndLlmAgentsAreMadeByTheirRegistryProvidersWithTheirSettings() {
        SocietySpec society = SocietySpec.parse("s=sustainable,fixed:7,greedy:0.5,llm:scripted,agent:govsim.policy.fixed");
        ModelAgentFactory factory = new ModelAgentFactory(models(), new HostSettingsFactory(Map.of()), registry());
        RunSpec spec = new RunSpec(society, Scenario.FISHERY, Experiment.DEFAULT, 3);
        List<Agent> seats = new ArrayList<>();
        try (RunScope scope = new RunScope(spec, dir)) {
            for (int i = 0; i < society.members().size(); i++) {
                seats.add(factory.create(society.members().get(i), society.settingsOf(i),
                        new AgentProfile("persona_" + i, "P" + i, "", false), scope));
            }
        }
        assertThat(asked).containsExactly("govsim.policy.sustainable", "govsim.policy.fixed", "govsim.policy.greedy",
                "govsim.llm", "govsim.policy.fixed");
        assertThat(blocks.get(1)).containsEntry("amount", "7").containsEntry("model", false);
        assertThat(blocks.get(2)).containsEntry("fraction", "0.5");
        assertThat(blocks.get(3)).containsEntry("model", true);
        assertThat(seats.get(1)).isInstanceOf(FixedPolicy.class);
        assertThat(seats.get(3)).isInstanceOf(LlmGovSimAgent.class);
    }

    @Test
    void aSeatNamesTheProviderModelAndSettingsOfItsMember() {
        assertThat(SeatSpec.of("universalizer", Map.of()).provider()).isEqualTo("govsim.policy.universalization");
        assertThat(SeatSpec.of("random:20", Map.of("x", 1)).settings()).containsEntry("max", "20")
                .containsEntry("x", 1);
        assertThat(SeatSpec.of("llm:openai:http://h/v1#m", Map.of()).model()).isEqualTo("openai:http://h/v1#m");
        assertThatThrownBy(() -> SeatSpec.of("llm", Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("llm:<model spec>");
        assertThatThrownBy(() -> SeatSpec.of("agent: ", Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("agent:<provider id>");
        assertThatThrownBy(() -> SeatSpec.of("teleport", Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown policy 'teleport'");
    }
}

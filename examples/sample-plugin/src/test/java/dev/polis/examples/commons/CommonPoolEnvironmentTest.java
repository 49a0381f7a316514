package dev.polis.examples.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.env.Action;
import dev.polis.api.env.Environment;
import dev.polis.api.env.EnvironmentContext;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;
import dev.polis.api.run.RunContext;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;

class CommonPoolEnvironmentTest {

    private static final List<String> FOUR = List.of("a1", "a2", "a3", "a4");

    @Test
    void fourFishersTakingTenEachWithDoublingSurviveTwelveMonths() {
        Episode episode = play(TestSettings.empty(), FOUR, new FixedAmountAgentProvider(), TestSettings.of("amount", 10), 1);
        assertThat(episode.steps).isEqualTo(12);
        assertThat(episode.metrics).containsEntry("survivalMonths", 12.0).containsEntry("totalGain", 480.0)
                .containsEntry("equality", 1.0);
    }

    @Test
    void greedyFishersCollapseTheLakeInTheFirstMonth() {
        Episode episode = play(TestSettings.empty(), FOUR, new FixedAmountAgentProvider(), TestSettings.of("amount", 30), 1);
        assertThat(episode.steps).isEqualTo(1);
        assertThat(episode.metrics.get("survivalMonths")).isEqualTo(1.0);
        assertThat(episode.metrics.get("totalGain")).isEqualTo(100.0);
        assertThat(episode.metrics.get("equality")).isLessThan(1.0);
    }

    @Test
    void fairShareFishersSurviveTwelveMonths() {
        Episode episode = play(TestSettings.empty(), List.of("a", "b", "c", "d", "e"), new FairShareAgentProvider(),
                TestSettings.empty(), 3);
        assertThat(episode.metrics.get("survivalMonths")).isEqualTo(12.0);
        assertThat(episode.metrics.get("totalGain")).isCloseTo(12 * 50.0, within(1e-6));
    }

    @Test
    void monthsAndCapacityComeFromTheSettings() {
        Episode episode = play(TestSettings.of("months", 3, "capacity", 40), FOUR, new FixedAmountAgentProvider(),
                TestSettings.of("amount", 5), 1);
        assertThat(episode.steps).isEqualTo(3);
        assertThat(episode.firstObservation.data()).containsEntry("pool", 40.0).containsEntry("agents", 4);
        assertThat(episode.firstObservation.text()).contains("40.0 tonnes");
    }

    @Test
    void aShortPoolIsServedInARandomOrderDrawnFromTheSeed() {
        Map<String, Double> first = firstCatch(5);
        assertThat(firstCatch(5)).isEqualTo(first);
        assertThat(first.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(100.0);
        Set<Map<String, Double>> outcomes = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            outcomes.add(firstCatch(seed));
        }
        assertThat(outcomes).as("who goes short depends on the seed").hasSizeGreaterThan(1);
    }

    @Test
    void stepAfterTheEndIsRejected() {
        try (Environment environment = environment(TestSettings.of("months", 1), FOUR)) {
            environment.reset(1);
            assertThat(environment.step(Map.of()).done()).isTrue();
            assertThatThrownBy(() -> environment.step(Map.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reset");
        }
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> environment(TestSettings.of("regrowth", 0.5), FOUR))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("regrowth:");
        assertThatThrownBy(() -> environment(TestSettings.of("months", "many"), FOUR))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("months:");
    }

    @Test
    void equalityIsOneMinusGini() {
        assertThat(Equality.of(List.of(3.0, 3.0, 3.0))).isEqualTo(1.0);
        assertThat(Equality.of(List.of(0.0, 0.0, 0.0, 8.0))).isCloseTo(0.25, within(1e-12));
        assertThat(Equality.of(List.of(0.0, 0.0))).isEqualTo(1.0);
    }

    private static Map<String, Double> firstCatch(long seed) {
        try (Environment environment = environment(TestSettings.empty(), FOUR)) {
            environment.reset(seed);
            Map<String, Action> greedy = new LinkedHashMap<>();
            FOUR.forEach(id -> greedy.put(id, Action.of(id, "take", 30)));
            return environment.step(greedy).rewards();
        }
    }

    private static Environment environment(Settings settings, List<String> agents) {
        return new CommonsEnvironmentProvider().create(new EnvironmentContext(settings, agents, RunContext.detached(1)));
    }

    private static Episode play(Settings envSettings, List<String> agentIds, AgentProvider provider,
                                Settings agentSettings, long seed) {
        Map<String, Agent> agents = new LinkedHashMap<>();
        for (String id : agentIds) {
            agents.put(id, provider.create(new AgentContext(id, agentSettings, Optional.empty(), RunContext.detached(seed))));
        }
        try (Environment environment = environment(envSettings, agentIds)) {
            Map<String, Observation> observations = environment.reset(seed);
            Observation first = observations.get(agentIds.get(0));
            int steps = 0;
            boolean done = false;
            while (!done && steps < 100) {
                Map<String, Action> actions = new LinkedHashMap<>();
                observations.forEach((id, observation) -> actions.put(id, agents.get(id).act(observation)));
                StepResult result = environment.step(actions);
                observations = result.observations();
                done = result.done();
                steps++;
            }
            return new Episode(steps, environment.metrics(), first);
        }
    }

    private record Episode(int steps, Map<String, Double> metrics, Observation firstObservation) {
    }
}

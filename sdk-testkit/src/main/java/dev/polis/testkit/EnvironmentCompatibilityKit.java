package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.PolisException;
import dev.polis.api.Settings;
import dev.polis.api.env.Action;
import dev.polis.api.env.Environment;
import dev.polis.api.env.EnvironmentContext;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;
import dev.polis.api.run.RunContext;
import org.apiguardian.api.API;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of an {@link EnvironmentProvider} and the environments it creates: observations only for
 * known agents, determinism under a seed, a clear end of episode, and metrics.
 *
 * <p>Supply the provider through {@link #createProvider()}; override {@link #settings()}, {@link #agentIds()} and
 * {@link #typicalAction(Observation)} when the defaults do not make a meaningful episode.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class EnvironmentCompatibilityKit extends ExtensionCompatibilityKit<EnvironmentProvider> {

    /** Returns a new instance of the provider under test. */
    protected abstract EnvironmentProvider createProvider();

    @Override
    protected final EnvironmentProvider createExtension() {
        return createProvider();
    }

    /** Returns the settings the environments are created with; empty unless overridden. */
    protected Settings settings() {
        return TestSettings.empty();
    }

    /** Returns the agents configured for the run; three unless overridden. */
    protected List<String> agentIds() {
        return List.of("agent-1", "agent-2", "agent-3");
    }

    /** Returns what an agent typically does on {@code observation}; an action with no data unless overridden. */
    protected Action typicalAction(Observation observation) {
        return new Action(observation.agentId(), "", Map.of());
    }

    /** Returns how many steps the determinism test compares; five unless overridden. */
    protected int stepsToCompare() {
        return 5;
    }

    /** Returns after how many steps the end-of-episode test gives up waiting for {@code done}; 1,000 unless overridden. */
    protected int maxStepsPerEpisode() {
        return 1_000;
    }

    /** Creates an environment from the provider with this kit's settings and agents, in a detached run. */
    protected Environment createEnvironment(long seed) {
        EnvironmentProvider provider = createProvider();
        Environment environment = provider.create(new EnvironmentContext(settings(), agentIds(),
                RunContext.detached(seed)));
        assertThat(environment).as("the environment that EnvironmentProvider '%s' created; create() must return an "
                + "environment or throw InvalidInputException saying which setting is wrong, never null",
                provider.id()).isNotNull();
        return environment;
    }

    @Test
    public void resetReturnsObservationsOnlyForKnownAgents() {
        try (Environment environment = createEnvironment(7)) {
            List<String> known = environment.agentIds();
            assertThat(known).as("agentIds()").isNotNull().isNotEmpty().doesNotHaveDuplicates();
            Map<String, Observation> observations = environment.reset(7);
            assertThat(observations).as("observations after reset").isNotNull().isNotEmpty();
            assertThat(known).as("agentIds()").containsAll(observations.keySet());
            observations.forEach((id, observation) ->
                    assertThat(observation.agentId()).as("agentId of the observation under key " + id).isEqualTo(id));
        }
    }

    @Test
    public void stepReportsRewardsAndObservationsOnlyForKnownAgents() {
        try (Environment environment = createEnvironment(7)) {
            StepResult result = environment.step(actionsFor(environment.reset(7)));
            assertThat(result).as("step result").isNotNull();
            assertThat(environment.agentIds()).as("agentIds()")
                    .containsAll(result.observations().keySet())
                    .containsAll(result.rewards().keySet());
        }
    }

    @Test
    public void sameSeedAndActionsGiveSameObservationsAndRewards() {
        List<Object> first = trajectory(42);
        List<Object> second = trajectory(42);
        assertThat(second).as("a second episode with the same seed and actions").isEqualTo(first);
    }

    @Test
    public void stepAfterDoneIsRejectedClearlyOrHarmless() {
        try (Environment environment = createEnvironment(11)) {
            Map<String, Observation> observations = environment.reset(11);
            boolean done = false;
            for (int step = 0; step < maxStepsPerEpisode() && !done; step++) {
                StepResult result = environment.step(actionsFor(observations));
                observations = result.observations();
                done = result.done();
            }
            Assumptions.assumeThat(done).as("episode ended within " + maxStepsPerEpisode() + " steps").isTrue();
            StepResult after;
            try {
                after = environment.step(actionsFor(observations));
            } catch (IllegalStateException | PolisException e) {
                assertThat(e.getMessage()).as("message of the rejection of a step after done").isNotBlank();
                return;
            } catch (RuntimeException e) {
                fail("a step after done must throw IllegalStateException or PolisException with a message, or be "
                        + "harmless, but threw " + e, e);
                return;
            }
            assertThat(after).as("result of a step after done").isNotNull();
            assertThat(after.done()).as("done() of a step after done").isTrue();
        }
    }

    @Test
    public void metricsAreNeverNull() {
        try (Environment environment = createEnvironment(3)) {
            Map<String, Observation> observations = environment.reset(3);
            assertMetrics(environment.metrics(), "after reset");
            environment.step(actionsFor(observations));
            assertMetrics(environment.metrics(), "after one step");
        }
    }

    @Test
    public void closeCanBeCalledTwice() {
        Environment environment = createEnvironment(5);
        environment.reset(5);
        environment.close();
        environment.close();
    }

    private static void assertMetrics(Map<String, Double> metrics, String when) {
        assertThat(metrics).as("metrics() " + when).isNotNull();
        metrics.forEach((name, value) -> assertThat(value).as("metric " + name + " " + when).isNotNull());
    }

    private List<Object> trajectory(long seed) {
        List<Object> record = new ArrayList<>();
        try (Environment environment = createEnvironment(seed)) {
            Map<String, Observation> observations = environment.reset(seed);
            record.add(observations);
            for (int step = 0; step < stepsToCompare(); step++) {
                StepResult result = environment.step(actionsFor(observations));
                record.add(List.of(result.observations(), result.rewards(), result.done()));
                if (result.done()) {
                    break;
                }
                observations = result.observations();
            }
            record.add(environment.metrics());
        }
        return record;
    }

    private Map<String, Action> actionsFor(Map<String, Observation> observations) {
        Map<String, Action> actions = new LinkedHashMap<>();
        observations.forEach((id, observation) -> actions.put(id, typicalAction(observation)));
        return actions;
    }
}

package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import dev.polis.api.Settings;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import dev.polis.api.run.RunContext;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of an {@link AgentProvider} and its agents: they act under their own id and survive an
 * observation that carries no data.
 *
 * <p>Supply the provider through {@link #createProvider()} and a typical observation through
 * {@link #typicalObservation(String)}; override {@link #settings()} and {@link #model()} when the agent needs them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class AgentCompatibilityKit extends ExtensionCompatibilityKit<AgentProvider> {

    /** Returns a new instance of the provider under test. */
    protected abstract AgentProvider createProvider();

    /** Returns an observation such as the agent's environment would send to {@code agentId}. */
    protected abstract Observation typicalObservation(String agentId);

    @Override
    protected final AgentProvider createExtension() {
        return createProvider();
    }

    /** Returns the agent's settings; empty unless overridden. */
    protected Settings settings() {
        return TestSettings.empty();
    }

    /** Returns the chat model handed to the agent; none unless overridden. */
    protected Optional<ChatModel> model() {
        return Optional.empty();
    }

    /** Returns the id the agent is created under. */
    protected String agentId() {
        return "agent-7";
    }

    /** Creates an agent from the provider with this kit's settings and model, in a detached run. */
    protected Agent createAgent() {
        AgentProvider provider = createProvider();
        Agent agent = provider.create(new AgentContext(agentId(), settings(), model(), RunContext.detached(1)));
        assertThat(agent).as("the agent that AgentProvider '%s' created; create() must return an agent or throw "
                + "InvalidInputException saying which setting is wrong, never null", provider.id()).isNotNull();
        return agent;
    }

    @Test
    public void agentKeepsTheIdItWasCreatedUnder() {
        try (Agent agent = createAgent()) {
            assertThat(agent.id()).as("agent id()").isEqualTo(agentId());
        }
    }

    @Test
    public void actReturnsAnActionWithTheAgentsIdForATypicalObservation() {
        try (Agent agent = createAgent()) {
            Action action = agent.act(typicalObservation(agentId()));
            assertThat(action).as("action").isNotNull();
            assertThat(action.agentId()).as("agentId of the action").isEqualTo(agentId());
        }
    }

    @Test
    public void actDoesNotThrowOnAnObservationWithEmptyData() {
        try (Agent agent = createAgent()) {
            Action action = agent.act(new Observation(agentId(), "", Map.of()));
            assertThat(action).as("action on an empty observation").isNotNull();
            assertThat(action.agentId()).as("agentId of the action").isEqualTo(agentId());
        }
    }
}

package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class AgentCompatibilityKitTest {

    @Test
    void anAgentThatReadsItsObservationCarefullyPasses() {
        assertThat(KitRunner.failures(Careful.class)).isEmpty();
    }

    @Test
    void anAgentThatNeedsDataAndSignsWithAnotherIdFails() {
        assertThat(KitRunner.failures(Careless.class)).containsOnlyKeys(
                "actReturnsAnActionWithTheAgentsIdForATypicalObservation", "actDoesNotThrowOnAnObservationWithEmptyData");
    }

    static AgentProvider provider(boolean careful) {
        return new AgentProvider() {
            @Override
            public String id() {
                return "test.halver";
            }

            @Override
            public Agent create(AgentContext context) {
                return new Agent() {
                    @Override
                    public String id() {
                        return context.agentId();
                    }

                    @Override
                    public Action act(Observation observation) {
                        if (careful) {
                            Object pool = observation.data().getOrDefault("pool", 0);
                            return Action.of(id(), "take", ((Number) pool).doubleValue() / 2);
                        }
                        double pool = ((Number) observation.data().get("pool")).doubleValue();
                        return Action.of("someone-else", "take", pool / 2);
                    }
                };
            }
        };
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Careful extends AgentCompatibilityKit {
        @Override
        protected AgentProvider createProvider() {
            return provider(true);
        }

        @Override
        protected Observation typicalObservation(String agentId) {
            return new Observation(agentId, "100 fish", Map.of("pool", 100));
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Careless extends Careful {
        @Override
        protected AgentProvider createProvider() {
            return provider(false);
        }
    }
}

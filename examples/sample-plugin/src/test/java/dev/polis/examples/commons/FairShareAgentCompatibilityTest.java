package dev.polis.examples.commons;

import java.util.Map;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.env.Observation;
import dev.polis.testkit.AgentCompatibilityKit;

class FairShareAgentCompatibilityTest extends AgentCompatibilityKit {

    @Override
    protected AgentProvider createProvider() {
        return new FairShareAgentProvider();
    }

    @Override
    protected Observation typicalObservation(String agentId) {
        return new Observation(agentId, "Month 1 of 12. The lake holds 100.0 tonnes.", Map.of("pool", 100.0, "agents", 4));
    }
}

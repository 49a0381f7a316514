package dev.polis.govsim.kits;

import dev.polis.api.agent.AgentProvider;
import dev.polis.govsim.policy.GreedyPolicyProvider;

/** {@code govsim.policy.greedy} passes the agent compatibility kit. */
class GreedyPolicyCompatibilityTest extends GovSimAgentKit {

    @Override
    protected AgentProvider createProvider() {
        return new GreedyPolicyProvider();
    }

    @Override
    protected dev.polis.api.Settings settings() {
        return dev.polis.testkit.TestSettings.of("fraction", 0.5);
    }
}

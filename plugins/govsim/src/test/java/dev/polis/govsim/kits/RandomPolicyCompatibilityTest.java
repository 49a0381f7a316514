package dev.polis.govsim.kits;

import dev.polis.api.agent.AgentProvider;
import dev.polis.govsim.policy.RandomPolicyProvider;

/** {@code govsim.policy.random} passes the agent compatibility kit. */
class RandomPolicyCompatibilityTest extends GovSimAgentKit {

    @Override
    protected AgentProvider createProvider() {
        return new RandomPolicyProvider();
    }

    @Override
    protected dev.polis.api.Settings settings() {
        return dev.polis.testkit.TestSettings.of("max", 20);
    }
}

package dev.polis.govsim.kits;

import dev.polis.api.agent.AgentProvider;
import dev.polis.govsim.policy.FixedPolicyProvider;

/** {@code govsim.policy.fixed} passes the agent compatibility kit. */
class FixedPolicyCompatibilityTest extends GovSimAgentKit {

    @Override
    protected AgentProvider createProvider() {
        return new FixedPolicyProvider();
    }

    @Override
    protected dev.polis.api.Settings settings() {
        return dev.polis.testkit.TestSettings.of("amount", 8);
    }
}

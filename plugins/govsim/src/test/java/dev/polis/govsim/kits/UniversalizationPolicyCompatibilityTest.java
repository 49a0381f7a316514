package dev.polis.govsim.kits;

import dev.polis.api.agent.AgentProvider;
import dev.polis.govsim.policy.UniversalizationPolicyProvider;

/** {@code govsim.policy.universalization} passes the agent compatibility kit. */
class UniversalizationPolicyCompatibilityTest extends GovSimAgentKit {

    @Override
    protected AgentProvider createProvider() {
        return new UniversalizationPolicyProvider();
    }
}

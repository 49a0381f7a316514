package dev.polis.govsim.kits;

import dev.polis.api.agent.AgentProvider;
import dev.polis.govsim.policy.SustainableSharePolicyProvider;

/** {@code govsim.policy.sustainable} passes the agent compatibility kit. */
class SustainableSharePolicyCompatibilityTest extends GovSimAgentKit {

    @Override
    protected AgentProvider createProvider() {
        return new SustainableSharePolicyProvider();
    }
}

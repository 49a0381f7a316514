package dev.polis.govsim.policy;

import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;

/** Base of the {@code govsim.policy.*} agent providers: reads the policy's parameter from the settings. */
abstract class PolicyAgentProvider implements AgentProvider {

    private final String kind;
    private final String parameterKey;

    PolicyAgentProvider(String kind, String parameterKey) {
        this.kind = kind;
        this.parameterKey = parameterKey;
    }

    @Override
    public String id() {
        return "govsim.policy." + kind;
    }

    @Override
    public Agent create(AgentContext context) {
        String parameter = parameterKey == null ? "" : context.settings().string(parameterKey, "");
        return PolicySpec.parse(parameter.isEmpty() ? kind : kind + ":" + parameter)
                .create(context.agentId(), context.run().seed());
    }
}

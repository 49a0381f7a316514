package dev.polis.govsim.sweep;

import dev.polis.api.agent.Agent;
import dev.polis.govsim.policy.PolicySpec;
import dev.polis.govsim.protocol.AgentProfile;
import java.util.Map;

/** Turns a society member spec into an agent for one run; the CLI adds LLM members through the host's models. */
@FunctionalInterface
public interface AgentFactory {

    /** Creates the agent that plays {@code profile} in the run {@code run}. */
    Agent create(String member, AgentProfile profile, RunSpec run);

    /**
     * Creates the agent that plays {@code profile} in the run of {@code scope}, with the member's settings (the
     * {@code govsim.llm} settings of an LLM member; empty for a policy). The sweep calls this method; the default
     * ignores the settings and the scope beyond its spec.
     */
    default Agent create(String member, Map<String, Object> settings, AgentProfile profile, RunScope scope) {
        return create(member, profile, scope.spec());
    }

    /** Returns the factory of reference policies only; an LLM member is a user error here. */
    static AgentFactory policies() {
        return (member, profile, run) -> {
            if (member.startsWith("llm")) {
                throw new dev.polis.api.InvalidInputException("member '" + member + "' needs the govsim.llm agent,"
                        + " which is not available here; use a reference policy (" + PolicySpec.KNOWN + ")");
            }
            return PolicySpec.parse(member).create(profile.id(), run.seed());
        };
    }
}

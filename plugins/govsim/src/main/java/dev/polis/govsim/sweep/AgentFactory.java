package dev.polis.govsim.sweep;

import dev.polis.govsim.policy.PolicySpec;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.GovSimAgent;

/** Turns a society member spec into an agent for one run; the CLI adds LLM members through the extension registry. */
@FunctionalInterface
public interface AgentFactory {

    /** Creates the agent that plays {@code profile} in the run {@code run}. */
    GovSimAgent create(String member, AgentProfile profile, RunSpec run);

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

package dev.polis.govsim.policy;

import org.pf4j.Extension;

/** Creates the {@code govsim.policy.sustainable} reference policy: takes the per-agent sustainable share (h//2)//n published by the environment. */
@Extension
public final class SustainableSharePolicyProvider extends PolicyAgentProvider {

    /** Creates the provider. */
    public SustainableSharePolicyProvider() {
        super("sustainable", null);
    }

    @Override
    public String description() {
        return "takes the per-agent sustainable share (h//2)//n published by the environment";
    }
}

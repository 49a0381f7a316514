package dev.polis.govsim.policy;

import org.pf4j.Extension;

/** Creates the {@code govsim.policy.universalization} reference policy: asks what if everyone did the same: takes (h//2)//n and proposes it as the limit. */
@Extension
public final class UniversalizationPolicyProvider extends PolicyAgentProvider {

    /** Creates the provider. */
    public UniversalizationPolicyProvider() {
        super("universalization", null);
    }

    @Override
    public String description() {
        return "asks what if everyone did the same: takes (h//2)//n and proposes it as the limit";
    }
}

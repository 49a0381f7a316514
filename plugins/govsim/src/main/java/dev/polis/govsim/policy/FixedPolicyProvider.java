package dev.polis.govsim.policy;

import org.pf4j.Extension;

/** Creates the {@code govsim.policy.fixed} reference policy: takes the same amount every month (setting: amount, default 10). */
@Extension
public final class FixedPolicyProvider extends PolicyAgentProvider {

    /** Creates the provider. */
    public FixedPolicyProvider() {
        super("fixed", "amount");
    }

    @Override
    public String description() {
        return "takes the same amount every month (setting: amount, default 10)";
    }
}

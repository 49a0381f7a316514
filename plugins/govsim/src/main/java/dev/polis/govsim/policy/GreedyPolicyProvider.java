package dev.polis.govsim.policy;

import org.pf4j.Extension;

/** Creates the {@code govsim.policy.greedy} reference policy: takes a fraction of the pool, all of it by default (setting: fraction). */
@Extension
public final class GreedyPolicyProvider extends PolicyAgentProvider {

    /** Creates the provider. */
    public GreedyPolicyProvider() {
        super("greedy", "fraction");
    }

    @Override
    public String description() {
        return "takes a fraction of the pool, all of it by default (setting: fraction)";
    }
}

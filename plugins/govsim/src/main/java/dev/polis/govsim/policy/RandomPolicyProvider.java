package dev.polis.govsim.policy;

import org.pf4j.Extension;

/** Creates the {@code govsim.policy.random} reference policy: takes a seeded random amount from 0 to max, or to the pool (setting: max). */
@Extension
public final class RandomPolicyProvider extends PolicyAgentProvider {

    /** Creates the provider. */
    public RandomPolicyProvider() {
        super("random", "max");
    }

    @Override
    public String description() {
        return "takes a seeded random amount from 0 to max, or to the pool (setting: max)";
    }
}

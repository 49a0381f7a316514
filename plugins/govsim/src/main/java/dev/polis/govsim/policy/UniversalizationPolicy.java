package dev.polis.govsim.policy;

import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.TurnRequest;

/**
 * Reasons "what if everyone did the same?": takes {@code (h // 2) // n} of the current pool h with the n agents
 * present, and proposes that limit to the group.
 */
public final class UniversalizationPolicy extends PolicyAgent {

    /** Creates the policy. */
    public UniversalizationPolicy(String id) {
        super(id);
    }

    @Override
    protected int amount(HarvestRequest request) {
        return share(request.pool(), request.context().presentNames().size());
    }

    static int share(int pool, int agents) {
        return agents <= 0 ? 0 : (pool / 2) / agents;
    }

    @Override
    protected String plan(TurnRequest request) {
        int f = share(request.context().poolBefore(), request.participants().size());
        return "If every one of us takes more than " + f + ", the resource shrinks; I propose a limit of " + f
                + " each.";
    }
}

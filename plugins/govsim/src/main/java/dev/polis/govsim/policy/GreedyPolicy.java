package dev.polis.govsim.policy;

import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.TurnRequest;

/** Takes a fixed fraction of what is in the pool (by default all of it): the profit-only baseline. */
public final class GreedyPolicy extends PolicyAgent {

    private final double fraction;

    /** Creates a policy taking {@code fraction} (0–1) of the pool, rounded up. */
    public GreedyPolicy(String id, double fraction) {
        super(id);
        this.fraction = fraction;
    }

    @Override
    protected int amount(HarvestRequest request) {
        return (int) Math.ceil(request.pool() * fraction);
    }

    @Override
    protected String plan(TurnRequest request) {
        return "I take what I can get; the rest of you can do as you like.";
    }
}

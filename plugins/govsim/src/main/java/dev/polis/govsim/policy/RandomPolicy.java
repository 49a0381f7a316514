package dev.polis.govsim.policy;

import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.TurnRequest;
import java.util.SplittableRandom;

/** Takes a uniformly random amount from 0 to a maximum (the pool when no maximum is set), from its own seeded source. */
public final class RandomPolicy extends PolicyAgent {

    private final int max;
    private final long seed;

    /** Creates a policy drawing from 0..{@code max} ({@code max < 0}: up to the pool), seeded by {@code seed}. */
    public RandomPolicy(String id, int max, long seed) {
        super(id);
        this.max = max;
        this.seed = seed;
    }

    @Override
    protected int amount(HarvestRequest request) {
        int top = max < 0 ? request.pool() : max;
        SplittableRandom random = new SplittableRandom(seed * 31 + request.context().month() * 1_000_003L
                + id().hashCode());
        return random.nextInt(top + 1);
    }

    @Override
    protected String plan(TurnRequest request) {
        return "Hard to say what I will do next month; we will see.";
    }
}

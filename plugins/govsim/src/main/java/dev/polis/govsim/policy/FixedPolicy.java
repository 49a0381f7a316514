package dev.polis.govsim.policy;

import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.TurnRequest;

/** Takes the same amount every month, whatever the pool. */
public final class FixedPolicy extends PolicyAgent {

    private final int amount;

    /** Creates a policy taking {@code amount} units a month. */
    public FixedPolicy(String id, int amount) {
        super(id);
        this.amount = amount;
    }

    @Override
    protected int amount(HarvestRequest request) {
        return amount;
    }

    @Override
    protected String plan(TurnRequest request) {
        return "I will take " + request.context().scenario().amount(amount) + " again next month, as always.";
    }
}

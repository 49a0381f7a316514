package dev.polis.govsim.policy;

import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.TurnRequest;

/** Takes the environment's published per-agent sustainable share of the month (the threshold τ, quirks included). */
public final class SustainableSharePolicy extends PolicyAgent {

    /** Creates the policy. */
    public SustainableSharePolicy(String id) {
        super(id);
    }

    @Override
    protected int amount(HarvestRequest request) {
        return request.context().perAgentThreshold();
    }

    @Override
    protected String plan(TurnRequest request) {
        return "Let us each keep to our sustainable share of " + request.context().perAgentThreshold()
                + " so the resource can recover.";
    }
}

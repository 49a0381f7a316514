package dev.polis.examples.commons;

import dev.polis.api.agent.Agent;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;

/**
 * Asks for the same number of tonnes every month, whatever the lake holds.
 *
 * @param id     the agent's id
 * @param amount the tonnes it asks for each month
 */
record FixedAmountAgent(String id, double amount) implements Agent {

    @Override
    public Action act(Observation observation) {
        return Action.of(id, "take", amount);
    }
}

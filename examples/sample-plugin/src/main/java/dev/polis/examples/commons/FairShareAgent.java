package dev.polis.examples.commons;

import dev.polis.api.agent.Agent;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;

/**
 * Takes its sustainable share: half the stock split among all fishers, {@code pool / (2 N)}, which a lake that
 * doubles each month can always replace.
 *
 * <p>It reads {@code pool} and {@code agents} from the observation's data; without them it takes nothing.
 *
 * @param id the agent's id
 */
record FairShareAgent(String id) implements Agent {

    @Override
    public Action act(Observation observation) {
        double pool = number(observation.data().get("pool"));
        double agents = number(observation.data().get("agents"));
        double share = pool > 0 && agents >= 1 ? pool / (2 * agents) : 0;
        return Action.of(id, "take", share);
    }

    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value == null) {
            return 0;
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

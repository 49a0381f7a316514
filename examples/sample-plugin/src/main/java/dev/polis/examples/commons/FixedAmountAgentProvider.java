package dev.polis.examples.commons;

import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import org.pf4j.Extension;

/** Creates fishers that take a fixed amount each month (setting {@code amount}, default 10), id {@code example.fixed}. */
@Extension
public class FixedAmountAgentProvider implements AgentProvider {

    @Override
    public String id() {
        return "example.fixed";
    }

    @Override
    public String description() {
        return "takes the same amount of fish every month (setting: amount, default 10)";
    }

    @Override
    public Agent create(AgentContext context) {
        double amount = context.settings().doubleValue("amount", 10);
        if (!(amount >= 0)) {
            throw new InvalidInputException("amount: must be a number of tonnes >= 0 but was " + amount);
        }
        return new FixedAmountAgent(context.agentId(), amount);
    }
}

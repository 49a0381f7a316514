package dev.polis.core.pipeline;

import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import org.pf4j.Extension;

/** Agents for pipeline tests that take the same amount every step (setting {@code amount}). */
@Extension
public class TestFixedAgentProvider implements AgentProvider {

    @Override
    public String id() {
        return "test.fixed";
    }

    @Override
    public Agent create(AgentContext context) {
        int amount = context.settings().intValue("amount", 1);
        String id = context.agentId();
        return new Agent() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Action act(Observation observation) {
                return Action.of(id, "take", amount);
            }

            @Override
            public void close() {
                TestLedger.CLOSED.add("agent:" + id);
            }
        };
    }
}

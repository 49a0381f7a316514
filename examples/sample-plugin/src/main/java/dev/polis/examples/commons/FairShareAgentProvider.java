package dev.polis.examples.commons;

import dev.polis.api.agent.Agent;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.agent.AgentProvider;
import org.pf4j.Extension;

/** Creates fishers that take the sustainable share {@code pool / (2 N)}, id {@code example.fair-share}. */
@Extension
public class FairShareAgentProvider implements AgentProvider {

    @Override
    public String id() {
        return "example.fair-share";
    }

    @Override
    public String description() {
        return "takes pool / (2 x number of fishers), a share a doubling lake always replaces";
    }

    @Override
    public Agent create(AgentContext context) {
        return new FairShareAgent(context.agentId());
    }
}
